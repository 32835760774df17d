package archive.cli;

import archive.build.SiteBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Reads and renders everything without writing, printing every error and warning for the editors. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Check seeds, notes, pages and data and print every error and warning, without building.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    FolderOptions folders;

    @Override
    public Integer call() {
        return Outcome.run(() -> {
            SiteBuild.Result r = new SiteBuild(folders.config(), null).check();
            Outcome.printWarnings(r.diagnostics().warnings());
            System.err.printf("Checked %d articles and %d pages: no errors, no broken links%n", r.articles(), r.pages());
        });
    }
}
