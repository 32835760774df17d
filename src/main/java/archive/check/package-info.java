/**
 * Checks a rendered site the way a reader's browser would meet it: every internal link, paragraph
 * anchor and asset must exist, and every page must parse as HTML without error. Used by the
 * {@code check} command on pages rendered in memory, and by tests on a built {@code site/}.
 */
package archive.check;
