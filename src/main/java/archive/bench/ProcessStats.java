package archive.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What this JVM has cost so far: wall time since it started, CPU time of all its threads, peak
 * resident memory (VmHWM from /proc/self/status, Linux only) and the peak of the Java heap.
 * Printed by {@code build --stats} as one {@code stats:} line the benchmark reads back.
 */
public record ProcessStats(double wallSeconds, double cpuSeconds, long peakRssBytes, long peakHeapBytes) {

    /** The figures of this process now; wall time counts from the JVM's start. */
    public static ProcessStats now() {
        double wall = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuTime() / 1e9;
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) heap += pool.getPeakUsage().getUsed();
        }
        return new ProcessStats(wall, cpu, peakRss(), heap);
    }

    /** Peak resident set size in bytes, or -1 where /proc is not available. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** One machine-readable line: {@code stats: wall=1.234 cpu=2.345 rss=123456 heap=65432}. */
    public String line() {
        return String.format(Locale.ROOT, "stats: wall=%.3f cpu=%.3f rss=%d heap=%d", wallSeconds, cpuSeconds,
                peakRssBytes, peakHeapBytes);
    }

    /** Reads a {@link #line()} back, or null if {@code s} is not one. */
    public static ProcessStats parse(String s) {
        if (!s.startsWith("stats: ")) return null;
        double wall = 0, cpu = 0;
        long rss = 0, heap = 0;
        for (String kv : s.substring(7).trim().split(" ")) {
            String[] p = kv.split("=", 2);
            switch (p[0]) {
                case "wall" -> wall = Double.parseDouble(p[1]);
                case "cpu" -> cpu = Double.parseDouble(p[1]);
                case "rss" -> rss = Long.parseLong(p[1]);
                case "heap" -> heap = Long.parseLong(p[1]);
                default -> { }
            }
        }
        return new ProcessStats(wall, cpu, rss, heap);
    }

    public static String gib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
