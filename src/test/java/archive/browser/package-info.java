/**
 * The reading experience proven in headless Chromium (Debian's, driven by Playwright): reading
 * modes, glosses, paragraph links, navigation by clicks, phone and desktop layouts, accessibility
 * (axe-core) and the Content-Security-Policy, against the seed site served on a loopback port.
 */
package archive.browser;
