/** Hostile input, killed builds and output confinement: the generator loses nothing and lets nothing in. */
package archive.robustness;
