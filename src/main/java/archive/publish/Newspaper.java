package archive.publish;

/**
 * How the archive names its newspaper in citations and metadata. One form everywhere, Chicago's
 * rule for a foreign title (romanised title, characters, translation in brackets), so that a
 * reference manager fed by the page's metadata prints what the page's own citations print.
 */
public final class Newspaper {
    private Newspaper() {}

    public static final String NAME_EN = "People's Daily";
    public static final String NAME_ZH = "人民日报";
    public static final String ROMANISED = "Renmin ribao";
    /** "Renmin ribao 人民日报 [People's Daily]". */
    public static final String CITATION_NAME = ROMANISED + " " + NAME_ZH + " [" + NAME_EN + "]";
    /** Language of the originals (BCP 47). */
    public static final String LANGUAGE = "zh";
}
