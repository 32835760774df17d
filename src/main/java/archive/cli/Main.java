package archive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `archive` command: build, check, new, serve, bench. */
@Command(name = "archive", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds the annotated bilingual People's Daily archive (1958–1960) as a static site.",
        subcommands = {BuildCommand.class, CheckCommand.class, NewCommand.class, ServeCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 success, 1 bad input, 2 usage). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"archive " + (v == null ? "0.1.0" : v)};
        }
    }
}
