/** The build driver: the stages in order, from editors' files to a published site. */
package archive.build;
