package archive.cli;

import archive.build.SiteBuild;
import archive.diag.BuildFailedException;
import archive.diag.Diagnostic;
import archive.render.Templates;
import archive.site.SiteWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import archive.bench.ProcessStats;

import java.util.concurrent.Callable;

/** Builds the site from seeds, data, pages and templates; publishes it only if everything succeeded. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Build the site into --out. A failed build leaves the previous site untouched.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    FolderOptions folders;

    @Option(names = "--stats", description = "print the build's wall and CPU time and peak memory on one `stats:` line")
    boolean stats;

    @Option(names = "--search-index-apart", description = "make the search index after every page instead of beside them, "
            + "so that the progress lines time the pages and the index apart (as the speed targets count them)")
    boolean searchIndexApart;

    @Override
    public Integer call() {
        return Outcome.run(() -> {
            SiteBuild build = new SiteBuild(folders.config(), System.err);
            if (searchIndexApart) build.searchIndexApart();
            SiteBuild.Result r = build.build();
            Outcome.printWarnings(r.diagnostics().warnings());
            System.err.printf("Built %d articles, %d pages into %s%n", r.articles(), r.pages(), folders.out);
            if (stats) {
                System.out.println("jvm: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
                System.out.println(ProcessStats.now().line() + " articles=" + r.articles() + " pages=" + r.pages()
                        + " rendered=" + r.pagesRendered() + " written=" + r.filesWritten() + " reused=" + r.filesReused());
            }
        });
    }
}

/** Turns failures into messages and exit codes shared by the commands. */
final class Outcome {
    private Outcome() {}

    static int run(Runnable action) {
        try {
            action.run();
            return 0;
        } catch (BuildFailedException e) {
            System.err.println(e.getMessage());
            System.err.println("The build failed; the previous site, if any, is unchanged.");
            return 1;
        } catch (SiteWriter.SiteException | Templates.TemplateException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (io.pebbletemplates.pebble.error.PebbleException e) {
            System.err.println("template error: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            // Thrown once the heap is full: the build's data is unreachable again by the time this runs.
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            System.err.println("error: the build ran out of memory (a heap of " + mb + " MB). Give it more, for example:");
            System.err.println("  ARCHIVE_JAVA_OPTS=\"-Xms1g -Xmx6g -XX:+UseParallelGC\" ./archive build");
            System.err.println("The build failed; the previous site, if any, is unchanged.");
            return 1;
        } catch (java.io.UncheckedIOException e) {
            // A folder that cannot be read or written (permissions, full disk): say which, without a stack trace.
            System.err.println("error: " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
            System.err.println("The build failed; the previous site, if any, is unchanged.");
            return 1;
        }
    }

    static void printWarnings(java.util.List<Diagnostic> warnings) {
        for (Diagnostic d : warnings) System.err.println(d.format());
        if (!warnings.isEmpty()) System.err.println(warnings.size() + (warnings.size() == 1 ? " warning" : " warnings"));
    }
}
