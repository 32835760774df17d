/** Indexes by date, place, industry and glossary entry, built from the annotated articles. */
package archive.index;
