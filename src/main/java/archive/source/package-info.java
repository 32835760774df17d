/** Reading editors' files: seeds, notes, and the YAML data, with every error located. */
package archive.source;
