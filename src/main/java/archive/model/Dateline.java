package archive.model;

/**
 * A dateline such as 据新华社太原1日电 or "Xinhua News Agency, Taiyuan, 1st –".
 *
 * @param text  the dateline exactly as printed at the start of the paragraph
 * @param place the place name inside it as printed (太原, "Taiyuan"), or null when it names none
 */
public record Dateline(String text, String place) {}
