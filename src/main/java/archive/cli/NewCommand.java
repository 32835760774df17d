package archive.cli;

import archive.source.SeedReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** Writes a seed skeleton with a fresh random id, for an editor to fill in. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Write a new seed file with a fresh random id into --seeds and print its path.")
final class NewCommand implements Callable<Integer> {
    @Option(names = "--seeds", defaultValue = "seeds", description = "the seeds folder (default: ${DEFAULT-VALUE})")
    Path seeds;

    @Option(names = "--date", description = "date of the issue, YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--page", defaultValue = "1", description = "page of the issue (default: ${DEFAULT-VALUE})")
    int page;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(seeds);
        int next = 0;
        try (Stream<Path> s = Files.list(seeds)) {
            for (Path p : s.toList()) {
                var m = SeedReader.SEED_NAME.matcher(p.getFileName().toString());
                if (m.matches()) next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
            }
        }
        SecureRandom random = new SecureRandom();
        Path file;
        do {
            byte[] id = new byte[8];
            random.nextBytes(id);
            file = seeds.resolve(String.format("%03d_%s.txt", next, HexFormat.of().formatHex(id)));
        } while (Files.exists(file));
        String d = date == null ? "YYYY-MM-DD" : date.toString();
        String skeleton = """
                Title: English headline
                Author:
                Date: %1$s
                Page: %2$d

                First English paragraph.

                Second English paragraph.

                <hr />

                Original:

                ### 中文标题

                %1$s
                第%2$d版()
                专栏：

                    中文标题
                    第一段。
                    第二段。
                """.formatted(d, page);
        Files.writeString(file, skeleton);
        System.out.println(file);
        return 0;
    }
}
