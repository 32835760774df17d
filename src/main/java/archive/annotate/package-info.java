/** Annotation: glossary terms, places and industries found in both languages of each article. */
package archive.annotate;
