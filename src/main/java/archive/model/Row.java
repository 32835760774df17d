package archive.model;

import java.util.List;

/**
 * One aligned row of an article page: Chinese paragraphs beside the English ones that translate them.
 *
 * @param anchor       the row's id (p3), numbered by the Chinese original so links survive a new translation
 * @param extraAnchors further ids when the row holds more than one original paragraph (p4)
 * @param label        the paragraph number shown (3, or 3–4)
 * @param zh           Chinese paragraphs (0 to 2)
 * @param en           English paragraphs (0 to 2)
 */
public record Row(String anchor, List<String> extraAnchors, String label, List<Paragraph> zh, List<Paragraph> en) {
    public Row {
        anchor = Interned.of(anchor);
        label = Interned.of(label);
        // A loop, not a stream: every stored row of the archive is made again by every build.
        if (extraAnchors.isEmpty()) {
            extraAnchors = List.of();
        } else {
            String[] extra = new String[extraAnchors.size()];
            for (int i = 0; i < extra.length; i++) extra[i] = Interned.of(extraAnchors.get(i));
            extraAnchors = List.of(extra);
        }
        zh = List.copyOf(zh);
        en = List.copyOf(en);
    }

    /** Every anchor this row answers to. */
    public List<String> anchors() {
        List<String> all = new java.util.ArrayList<>();
        all.add(anchor);
        all.addAll(extraAnchors);
        return all;
    }
}
