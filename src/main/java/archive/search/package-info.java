/**
 * The full-text search index, built during the build and queried in the browser by
 * {@code templates/assets/search-core.js}: Chinese by characters and character bigrams, English by
 * lightly stemmed words, postings sharded by term hash, and one small text file per article for
 * excerpts and for verifying phrases (Chinese of three characters or more, quoted English). The text rules here and in the client must agree.
 */
package archive.search;
