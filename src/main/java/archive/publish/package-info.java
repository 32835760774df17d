/**
 * Publishing: what makes the archive citable and hostable. Per article, the metadata that
 * reference managers and search engines read and the "Cite this article" box (CSL-formatted
 * Chicago, MLA, APA; BibTeX and RIS files); for the site, the permalink registry and redirects,
 * the Atom feed, the sitemap, the open-data downloads, and the files a static host expects
 * (robots.txt, 404.html, .nojekyll). Runs after {@code render}, through the same page sink.
 */
package archive.publish;
