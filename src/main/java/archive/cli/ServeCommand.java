package archive.cli;

import archive.serve.DevServer;
import archive.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Builds, serves the site on this machine and rebuilds on every change, reloading open pages. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Build, serve the site at http://127.0.0.1:PORT/ and rebuild on every change to seeds, data, "
                + "templates or pages; open pages reload by themselves.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    FolderOptions folders;

    @Option(names = "--port", defaultValue = "8000", description = "port to serve on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind;

    @Override
    public Integer call() throws Exception {
        if (!DevServer.isLoopback(bind)) {
            System.err.println("warning: serving on " + bind + ": other machines can read the preview, unfinished "
                    + "work included. Use the default 127.0.0.1 unless you mean it.");
        }
        if (!folders.config().problems().isEmpty()) {
            folders.config().problems().forEach(p -> System.err.println("error: " + p));
            return 1;
        }
        try (Preview preview = new Preview(folders.config(), bind, port, System.err)) {
            preview.start();
            String host = bind.contains(":") ? "[" + bind + "]" : bind;
            System.err.println("Serving " + folders.out + " at http://" + host + ":" + preview.port() + "/ ; press Ctrl-C to stop");
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
