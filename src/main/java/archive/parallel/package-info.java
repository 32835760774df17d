/**
 * Work shared across the cores: {@link archive.parallel.Parallel} runs one action per item of a
 * list on the common pool, handing items out as threads come free.
 */
package archive.parallel;
