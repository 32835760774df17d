package archive.render;

import java.util.List;

/**
 * Editors' notes as an earlier build rendered them, so that a build renders again only the notes
 * that changed: every article's notes were rendered by every build (they link across the archive),
 * and that was half of checking the article pages of a build with nothing changed. A rendering is
 * reused only for the same notes on the same page, and only while every link it resolved (an
 * article, a paragraph, an entry …) resolves the same way now.
 */
public interface RenderedNotes {
    /** How the other Markdown kept with the notes is named: this, then its owner (see RenderContext#renderMarkdown). */
    String MARKDOWN = "markdown/";

    /** Remembers nothing: every build renders every article's notes. */
    RenderedNotes NONE = new RenderedNotes() {
        @Override public NotesHtml.Split get(String article, long key, CrossRefs refs) { return null; }

        @Override public void put(String article, long key, List<Link> links, NotesHtml.Split split) { }
    };

    /** A link the notes resolved: to {@code path}, or to nothing (null) with the reason {@code unknown}. */
    record Link(String scheme, String target, String path, String unknown) {
        /** Whether {@code refs} resolves this link now as it did then. */
        public boolean resolvesSame(CrossRefs refs) {
            try {
                String now = refs.resolve(scheme, target);
                return now.equals(path);
            } catch (CrossRefs.Unknown e) {
                return path == null && String.valueOf(e.getMessage()).equals(unknown);
            }
        }
    }

    /** The notes of {@code article} rendered for {@code key} (the notes and the page), if every link of theirs resolves the same. */
    NotesHtml.Split get(String article, long key, CrossRefs refs);

    /** Remembers a rendering that reported nothing, with the links it resolved. */
    void put(String article, long key, List<Link> links, NotesHtml.Split split);
}
