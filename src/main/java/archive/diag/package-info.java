/** Diagnostics: problems in editors' files, each with file, line and what to fix. */
package archive.diag;
