package archive.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineLoadTest {
    @Test
    void busyTimeIsUserNiceSystemIrqSoftirqAndStealNotIdleOrIoWait() {
        // user nice system idle iowait irq softirq steal guest guest_nice, in ticks of 1/100 s
        assertEquals((435620 + 1917 + 147586 + 12 + 5488 + 7) / 100.0,
                MachineLoad.busySeconds("cpu  435620 1917 147586 382875 38574 12 5488 7 0 0"), 1e-9);
        assertTrue(Double.isNaN(MachineLoad.busySeconds("cpu0 1 2 3 4 5 6 7 8 0 0")), "a single core's line");
        assertTrue(Double.isNaN(MachineLoad.busySeconds("cpu 1 2 3")), "a truncated line");
        assertTrue(Double.isNaN(MachineLoad.busySeconds("cpu  a b c d e f g h i j")), "not numbers");
    }

    @Test
    void theMachineIsBusyAtLeastAsLongAsThisTestHasComputed() throws Exception {
        double before = MachineLoad.busySeconds();
        if (Double.isNaN(before)) return; // no /proc/stat here (not Linux)
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end) Thread.onSpinWait();
        double after = MachineLoad.busySeconds();
        assertTrue(after - before >= 0.2, "0.3 s of spinning shows as at least 0.2 s busy: " + (after - before));
    }
}
