/** The editors' preview: a local server for the site folder that rebuilds on every change and reloads open pages. */
package archive.serve;
