package archive.render;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Bar charts drawn at build time as inline SVG: no script, no external service. The SVG is
 * decorative for screen readers; the same figures follow in a table that is the text alternative.
 */
public final class Charts {
    private static final int BAR = 14, GAP = 3, HEIGHT = 120, LABEL = 28;

    private Charts() {}

    /** One bar of a ranked chart: a label in both languages, a count, and the site path it links to (or null). */
    public record Bar(String en, String zh, int count, String path) {}

    /**
     * A horizontal bar chart of ranked counts (articles per place, per industry). Each bar is a link,
     * so the chart is also a way in; the list below it is its text alternative.
     */
    public static String ranked(String caption, java.util.List<Bar> bars, Function<String, String> link) {
        if (bars.isEmpty()) return "";
        int max = bars.stream().mapToInt(Bar::count).max().orElse(1);
        int rowH = 18, labelW = 250, barW = 260;
        int height = bars.size() * rowH + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure class=\"chart ranked\"><svg class=\"bars\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 ")
                .append(labelW + barW + 40).append(' ').append(height).append("\" width=\"").append(labelW + barW + 40)
                .append("\" height=\"").append(height).append("\">");
        int y = 2;
        for (Bar b : bars) {
            int w = Math.max(2, Math.round((float) b.count() * barW / Math.max(1, max)));
            svg.append("<text class=\"label\" x=\"").append(labelW - 6).append("\" y=\"").append(y + 12).append("\">")
                    .append(Html.escape(b.en().length() > 38 ? b.en().substring(0, 36) + "…" : b.en())).append("</text>");
            svg.append("<rect class=\"bar\" x=\"").append(labelW).append("\" y=\"").append(y + 2).append("\" width=\"").append(w)
                    .append("\" height=\"").append(rowH - 5).append("\"/>");
            svg.append("<text class=\"value\" x=\"").append(labelW + w + 14).append("\" y=\"").append(y + 12).append("\">")
                    .append(b.count()).append("</text>");
            y += rowH;
        }
        svg.append("</svg><figcaption>").append(Html.escape(caption)).append("</figcaption>");
        svg.append("<details class=\"chart-table\"><summary>Table · 表格</summary><table><tbody>");
        for (Bar b : bars) {
            svg.append("<tr><td>");
            if (b.path() != null) svg.append("<a href=\"").append(Html.escape(link.apply(b.path()))).append("\">");
            svg.append(Html.escape(b.en())).append(" <span lang=\"zh-Hans\">").append(Html.escape(b.zh())).append("</span>");
            if (b.path() != null) svg.append("</a>");
            svg.append("</td><td>").append(b.count()).append("</td></tr>");
        }
        svg.append("</tbody></table></details></figure>");
        return svg.toString();
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
        svg.append("<figure class=\"chart\"><figcaption>").append(ChineseRuns.html(caption)).append("</figcaption>")
                .append("<svg class=\"bars\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 ")
                .append(width).append(' ').append(HEIGHT + LABEL).append("\" width=\"").append(width)
                .append("\" height=\"").append(HEIGHT + LABEL).append("\">");
        int x = GAP;
        for (Map.Entry<YearMonth, Integer> e : counts.entrySet()) {
            int h = max == 0 ? 0 : Math.max(e.getValue() > 0 ? 2 : 0, Math.round((float) e.getValue() * (HEIGHT - 14) / max));
            svg.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(HEIGHT - h)
                    .append("\" width=\"").append(BAR).append("\" height=\"").append(h).append("\"/>");
            if (e.getValue() > 0) {
                svg.append("<text class=\"value\" x=\"").append(x + BAR / 2).append("\" y=\"").append(HEIGHT - h - 3)
                        .append("\">").append(e.getValue()).append("</text>");
            }
            if (e.getKey().getMonthValue() == 1 || x == GAP) {
                svg.append("<text class=\"tick\" x=\"").append(x).append("\" y=\"").append(HEIGHT + 16).append("\">")
                        .append(e.getKey().getYear()).append("</text>");
            }
            x += BAR + GAP;
        }
        svg.append("</svg>");
        svg.append("<details class=\"chart-table\"><summary>Table · <span lang=\"zh-Hans\">表格</span></summary><table><thead><tr>")
                .append("<th scope=\"col\">Month · <span lang=\"zh-Hans\">月份</span></th>")
                .append("<th scope=\"col\">Articles · <span lang=\"zh-Hans\">文章</span></th></tr></thead><tbody>");
        for (Map.Entry<YearMonth, Integer> e : counts.entrySet()) {
            if (e.getValue() == 0) continue;
            String label = Dates.monthEn(e.getKey());
            String target = monthLink == null ? null : monthLink.apply(e.getKey());
            svg.append("<tr><td>");
            if (target != null) svg.append("<a href=\"").append(Html.escape(link.apply(target))).append("\">")
                    .append(Html.escape(label)).append("</a>");
            else svg.append(Html.escape(label));
            svg.append("</td><td>").append(e.getValue()).append("</td></tr>");
        }
        svg.append("</tbody></table></details></figure>");
        return svg.toString();
    }
}
