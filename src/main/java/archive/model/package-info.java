/** The archive's records: articles, their paragraphs and the editors' data. No I/O, no rendering. */
package archive.model;
