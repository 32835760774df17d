/**
 * Jazzer fuzz targets for every stage that reads untrusted text: seeds, alignment, the phrase
 * matcher and annotator, and the YAML and Markdown sidecars. {@code mvn test} replays the saved
 * inputs under {@code src/test/resources/archive/fuzz/<Class>Inputs/<method>/}; {@code JAZZER_FUZZ=1}
 * fuzzes for real (see README, "Fuzzing").
 */
package archive.fuzz;
