/** The benchmark: a synthetic corpus shaped like the seeds, and the figures of a build (time, CPU, memory). */
package archive.bench;
