/** The command line: build, check, new. */
package archive.cli;
