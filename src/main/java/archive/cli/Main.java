package archive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `archive` command: build, check, new, serve, bench. */
@Command(name = "archive", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds the annotated bilingual People's Daily archive (1958–1960) as a static site.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 success, 1 bad input, 2 usage). */
    public static int run(String... args) {
        // Each of these would otherwise open every jar of the class path (39) to look for something:
        // picocli for Groovy's Closure class (closures in annotations, none here), SLF4J for its
        // provider (Pebble's logger; slf4j-simple is the one on the class path), the XML parsers for
        // another implementation than the JDK's (citeproc reads its styles with them; none is on the
        // class path). 35 ms of every command; the styles jar alone has 10,000 entries to list.
        // (slf4j-simple's settings file is in the generator's jar for the same reason.)
        byDefault("javax.xml.parsers.DocumentBuilderFactory", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        byDefault("javax.xml.stream.XMLOutputFactory", "com.sun.xml.internal.stream.XMLOutputFactoryImpl"); // the feed, the sitemap
        byDefault("picocli.disable.closures", "true");
        byDefault("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        // SLF4J would otherwise say on every run that it used the provider named (its warnings still show).
        byDefault("slf4j.internal.verbosity", "WARN");
        CommandLine commandLine = new CommandLine(new Main());
        // Picocli reads each command's annotations by reflection when it is added: a run that names its
        // command models that one alone (every build starts sooner); any other run, help included, all of them.
        java.util.function.Supplier<Object> named = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) commandLine.addSubcommand(args[0], named.get());
        else SUBCOMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    /** Sets a system property unless the command line (-D) set it. */
    private static void byDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** The commands, in the order the usage lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("build", BuildCommand::new);
        m.put("check", CheckCommand::new);
        m.put("new", NewCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return java.util.Collections.unmodifiableMap(m);
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
