/** Rendering: URLs, Markdown, annotated text and the Pebble templates that make each page. */
package archive.render;
