package archive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU the whole machine has spent busy, from the first line of /proc/stat: the bench
 * subtracts a build's own CPU from the machine's over the same interval, so that each figure says
 * how much other work shared the cores with it (on a shared machine the same build's wall time
 * swings by half). Kernel work done for the build outside its process (writing its files back
 * to disk) counts as other work too.
 */
public final class MachineLoad {
    /** Clock ticks per second of /proc/stat (USER_HZ, 100 on every Linux the JDK runs on). */
    private static final double TICKS = 100.0;

    private MachineLoad() {}

    /** Busy CPU seconds of the machine since it started; NaN where /proc/stat cannot be read. */
    public static double busySeconds() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.findFirst().map(MachineLoad::busySeconds).orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The busy seconds of a /proc/stat "cpu" line: user, nice, system, irq, softirq and steal
     * (time taken by the hypervisor is time the build did not get either); idle and I/O wait are
     * not. NaN for any other line.
     */
    static double busySeconds(String statLine) {
        String[] f = statLine.trim().split("\\s+");
        if (f.length < 9 || !f[0].equals("cpu")) return Double.NaN;
        try {
            long ticks = 0;
            for (int i : new int[]{1, 2, 3, 6, 7, 8}) ticks += Long.parseLong(f[i]);
            return ticks / TICKS;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
