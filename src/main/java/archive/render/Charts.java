package archive.render;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Bar charts drawn at build time as inline SVG: no script, no external service. The SVG is
 * decorative for screen readers; the same figures follow in a table that is the text alternative.
 */
public final class Charts {
    private static final int BAR = 14, GAP = 3, HEIGHT = 120, LABEL = 28;
    private static final int ROW = 18, LABEL_WIDTH = 250, BAR_WIDTH = 260;

    private Charts() {}

    /** One bar: a label in both languages, a count, and the site path it links to (or null). */
    public record Bar(String en, String zh, int count, String path) {}

    /**
     * A horizontal bar chart of ranked counts (articles per place, per industry). Each row of the
     * table below it links to the place or industry, so the chart is also a way in.
     */
    public static String ranked(String caption, List<Bar> bars, Function<String, String> link) {
        if (bars.isEmpty()) return "";
        int max = bars.stream().mapToInt(Bar::count).max().orElse(1);
        int width = LABEL_WIDTH + BAR_WIDTH + 40, height = bars.size() * ROW + 4;
        StringBuilder svg = new StringBuilder();
        int y = 2;
        for (Bar b : bars) {
            int w = Math.max(2, Math.round((float) b.count() * BAR_WIDTH / Math.max(1, max)));
            svg.append("<text class=\"label\" x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + 12).append("\">")
                    .append(Html.escape(b.en().length() > 38 ? b.en().substring(0, 36) + "…" : b.en())).append("</text>");
            svg.append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 2).append("\" width=\"")
                    .append(w).append("\" height=\"").append(ROW - 5).append("\"/>");
            svg.append("<text class=\"value\" x=\"").append(LABEL_WIDTH + w + 14).append("\" y=\"").append(y + 12).append("\">")
                    .append(b.count()).append("</text>");
            y += ROW;
        }
        return figure("chart ranked", caption, width, height, svg, null, bars, link);
    }

    /**
     * Articles per month.
     *
     * @param monthLink site path of a month's page, or null when it has none; turned into a link by {@code link}
     */
    public static String perMonth(String caption, TreeMap<YearMonth, Integer> counts,
                                  Function<YearMonth, String> monthLink, Function<String, String> link) {
        if (counts.isEmpty()) return "";
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int width = counts.size() * (BAR + GAP) + GAP;
        StringBuilder svg = new StringBuilder();
        List<Bar> rows = new ArrayList<>();
        int x = GAP;
        for (Map.Entry<YearMonth, Integer> e : counts.entrySet()) {
            int h = max == 0 ? 0 : Math.max(e.getValue() > 0 ? 2 : 0, Math.round((float) e.getValue() * (HEIGHT - 14) / max));
            svg.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(HEIGHT - h)
                    .append("\" width=\"").append(BAR).append("\" height=\"").append(h).append("\"/>");
            if (e.getValue() > 0) {
                svg.append("<text class=\"value\" x=\"").append(x + BAR / 2).append("\" y=\"").append(HEIGHT - h - 3)
                        .append("\">").append(e.getValue()).append("</text>");
                rows.add(new Bar(Dates.monthEn(e.getKey()), "", e.getValue(), monthLink == null ? null : monthLink.apply(e.getKey())));
            }
            if (e.getKey().getMonthValue() == 1 || x == GAP) {
                svg.append("<text class=\"tick\" x=\"").append(x).append("\" y=\"").append(HEIGHT + 16).append("\">")
                        .append(e.getKey().getYear()).append("</text>");
            }
            x += BAR + GAP;
        }
        return figure("chart", caption, width, HEIGHT + LABEL, svg, "Month · <span lang=\"zh-Hans\">月份</span>", rows, link);
    }

    /** The figure: caption first (HTML allows nothing after the caption but content), the SVG, then the table. */
    private static String figure(String cssClass, String caption, int width, int height, CharSequence svgBody,
                                 String firstHeader, List<Bar> rows, Function<String, String> link) {
        StringBuilder out = new StringBuilder();
        out.append("<figure class=\"").append(cssClass).append("\"><figcaption>").append(ChineseRuns.html(caption))
                .append("</figcaption><svg class=\"bars\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\">").append(svgBody).append("</svg>")
                .append("<details class=\"chart-table\"><summary>Table · <span lang=\"zh-Hans\">表格</span></summary><table>");
        if (firstHeader != null) {
            out.append("<thead><tr><th scope=\"col\">").append(firstHeader)
                    .append("</th><th scope=\"col\">Articles · <span lang=\"zh-Hans\">文章</span></th></tr></thead>");
        }
        out.append("<tbody>");
        for (Bar b : rows) {
            out.append("<tr><td>");
            if (b.path() != null) out.append("<a href=\"").append(Html.escape(link.apply(b.path()))).append("\">");
            out.append(Html.escape(b.en()));
            if (!b.zh().isEmpty()) out.append(" <span lang=\"zh-Hans\">").append(Html.escape(b.zh())).append("</span>");
            if (b.path() != null) out.append("</a>");
            out.append("</td><td>").append(b.count()).append("</td></tr>");
        }
        return out.append("</tbody></table></details></figure>").toString();
    }
}
