/** Paragraph alignment of translation and original (Gale–Church with number anchors). */
package archive.align;
