package archive.render;

/**
 * Resolves the archive's own link targets in editors' Markdown: article:&lt;id&gt;[#pN],
 * glossary:&lt;slug&gt;, place:&lt;slug&gt;, industry:&lt;slug&gt;, date:YYYY-MM-DD, page:&lt;name&gt; (pages/NAME.md).
 */
public interface CrossRefs {
    /** The schemes that are ours; any other link is left to the sanitiser. */
    java.util.Set<String> SCHEMES = java.util.Set.of("article", "glossary", "place", "industry", "date", "page");

    /** The site path of the target, or throws {@link Unknown} saying what is wrong. */
    String resolve(String scheme, String target) throws Unknown;

    final class Unknown extends Exception {
        public Unknown(String message) { super(message, null, false, false); }
    }
}
