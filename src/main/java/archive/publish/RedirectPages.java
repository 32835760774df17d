package archive.publish;

import archive.render.PagePaths;
import archive.render.RenderContext;
import archive.render.Views;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pages that stand at moved and withdrawn paths. A moved path gets a page that sends the
 * reader on at once (meta refresh), names the new place as canonical for search engines, and
 * shows the link for readers whose browser does not follow; a withdrawn path gets a page saying
 * so and why. Both ask search engines not to index them.
 */
final class RedirectPages {
    private final RenderContext ctx;

    RedirectPages(RenderContext ctx) { this.ctx = ctx; }

    /**
     * Checks each redirect against the {@code pages} this build made, reporting at its line,
     * and writes the page of every valid one. Returns the number of pages written.
     */
    int write(Iterable<Redirect> redirects, Set<String> pages) {
        int n = 0;
        for (Redirect r : redirects) {
            if (pages.contains(r.path())) {
                ctx.diags.error(r.file(), r.line(), r.path() + " is still a page of the site; remove this entry, or "
                        + "remove what makes the page (its seed, page or data entry)");
                continue;
            }
            if (!r.withdrawn() && !pages.contains(r.targetPage())) {
                ctx.diags.error(r.file(), r.line(), "`moved_to: " + r.movedTo() + "` is not a page of the site; point "
                        + "to the page that holds the content now (if that moved too, to its final place)");
                continue;
            }
            if (r.withdrawn()) withdrawn(r);
            else moved(r);
            n++;
        }
        return n;
    }

    private void moved(Redirect r) {
        String path = PageRecorder.sitePath(r.path());
        String file = PagePaths.file(path);
        String target = PageRecorder.sitePath(r.movedTo());
        String link = ctx.links.relative(file, target);
        String absolute = ctx.links.absolute(target);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("site", ctx.site);
        v.put("page", new Views.PageInfo("Moved · 已迁移", path, "This page has moved to " + r.movedTo(),
                absolute != null ? absolute : link, "redirect"));
        v.put("target", link);
        v.put("targetLabel", absolute != null ? absolute : r.movedTo());
        v.put("note", r.note());
        v.put("date", r.date() == null ? "" : r.date().toString());
        ctx.sink.write(file, ctx.templates.render("redirect", file, v));
        ctx.pagesWritten.incrementAndGet();
        ctx.pagesRendered.incrementAndGet();
    }

    private void withdrawn(Redirect r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("oldPath", r.path());
        v.put("reason", r.reason());
        v.put("note", r.note());
        v.put("date", r.date() == null ? "" : r.date().toString());
        v.put("dateEn", r.date() == null ? "" : r.date().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)));
        ctx.page("withdrawn", PageRecorder.sitePath(r.path()), "Withdrawn · 已撤下", "This page was withdrawn from the archive.",
                "withdrawn", v);
    }
}
