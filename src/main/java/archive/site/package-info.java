/** Publishing: the atomic, locked, confined writing of the site folder. */
package archive.site;
