package archive.source;

import archive.model.Paragraph.Kind;

import java.util.regex.Pattern;

/** Tells photo captions and picture markers from ordinary paragraphs, in each language. */
final class ParagraphKinds {
    private static final Pattern EN_MARKER = Pattern.compile("\\(\\s*(Attached|Accompanying)\\s+(picture|pictures|photo|photos|map|chart)\\s*\\)\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_CAPTION = Pattern.compile(".*\\b(Photo|Photograph|Picture)s?\\s+by\\s+[^.]{1,60}\\.?\\)?\\s*$", Pattern.DOTALL);
    private static final Pattern ZH_MARKER = Pattern.compile("[(（]\\s*附(图片|图|照片|表)\\s*[)）]");
    /** A caption ends with the photographer's name and 摄 ("photographed by"), after an ideographic space. */
    private static final Pattern ZH_CAPTION = Pattern.compile(".*[\\u3000 ]\\S{1,12}摄[）)]?\\s*$", Pattern.DOTALL);

    private ParagraphKinds() {}

    static Kind english(String text) {
        if (EN_MARKER.matcher(text).matches()) return Kind.MARKER;
        // (The caption's pattern backtracks over the whole text; the word it needs is looked for first.)
        if (text.length() < 400 && (text.contains("Photo") || text.contains("Picture")) && EN_CAPTION.matcher(text).matches()) {
            return Kind.CAPTION;
        }
        return Kind.TEXT;
    }

    static Kind chinese(String text) {
        if (ZH_MARKER.matcher(text).matches()) return Kind.MARKER;
        if (text.length() < 200 && text.indexOf('摄') >= 0 && ZH_CAPTION.matcher(text).matches()) return Kind.CAPTION;
        return Kind.TEXT;
    }
}
