package archive.parallel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ParallelTest {

    @Test
    void everyItemIsDoneOnce() {
        for (int n : new int[] {0, 1, 2, 3, 63, 64, 65, 1000, 100_003}) {
            AtomicIntegerArray done = new AtomicIntegerArray(n);
            Parallel.forEachIndex(n, done::incrementAndGet);
            for (int i = 0; i < n; i++) assertEquals(1, done.get(i), "item " + i + " of " + n);
        }
    }

    @Test
    void mapKeepsTheOrderOfTheItems() {
        List<Integer> items = IntStream.range(0, 5000).boxed().toList();
        List<String> out = Parallel.map(items, i -> i % 7 == 0 ? null : "#" + i);
        assertEquals(5000, out.size());
        for (int i = 0; i < 5000; i++) assertEquals(i % 7 == 0 ? null : "#" + i, out.get(i));
        assertThrows(UnsupportedOperationException.class, () -> out.set(0, "x"), "the list is the caller's to read, not to change");
    }

    @Test
    void aSetOrAMapsEntriesAreDoneOnceEachAndIndicesMapInOrder() {
        // A sorted set and a map's entries, as the dates' and the concordance's callers hand them over.
        java.util.TreeMap<Integer, String> days = new java.util.TreeMap<>();
        for (int i = 0; i < 3000; i++) days.put(i, "day " + i);
        java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        Parallel.forEach(days.entrySet(), e -> { calls.incrementAndGet(); seen.add(e.getKey()); });
        assertEquals(3000, calls.get());
        assertEquals(days.keySet(), seen);
        assertEquals(new ArrayList<>(days.values()), Parallel.map(days.values(), v -> v), "in the collection's own order");
        List<Integer> squares = Parallel.mapIndex(1000, i -> i * i);
        for (int i = 0; i < 1000; i++) assertEquals(i * i, squares.get(i));
        assertEquals(List.of(), Parallel.mapIndex(0, i -> i));
    }

    @Test
    void theFirstFailureIsThrownAsItWasAndStopsTheRest() {
        IllegalArgumentException thrown = new IllegalArgumentException("a bad page");
        AtomicInteger started = new AtomicInteger();
        IllegalArgumentException caught = assertThrows(IllegalArgumentException.class, () ->
                Parallel.forEachIndex(100_000, i -> {
                    started.incrementAndGet();
                    if (i == 10) throw thrown;
                }));
        assertSame(thrown, caught, "not wrapped, not copied");
        assertTrue(started.get() < 100_000, "the items after the failure were left: " + started.get());
    }

    @Test
    void itemsDoneInsideAnItemShareTheThreads() {
        // A list page rendered inside a place's task hands out its own pages: no deadlock, nothing lost.
        AtomicInteger done = new AtomicInteger();
        Parallel.forEachIndex(50, i -> Parallel.forEachIndex(200, j -> done.incrementAndGet()));
        assertEquals(50 * 200, done.get());
    }

    @Test
    void aSlowItemDoesNotHoldBackTheItemsAfterIt() throws Exception {
        // The first item waits until all but the items a thread takes at a time are done. A parallel
        // stream splits 10,000 items into four parts per thread of the pool and leaves the ones after
        // the slow item in its part waiting for it (2,500 on a 2-core machine): it cannot finish this.
        assumeTrue(ForkJoinPool.getCommonPoolParallelism() >= 1, "one core: nothing to share");
        int n = 10_000;
        int others = n - 1 - 2 * 64;
        CountDownLatch enough = new CountDownLatch(others);
        List<Boolean> sawThem = new ArrayList<>();
        Parallel.forEachIndex(n, i -> {
            if (i == 0) {
                try {
                    boolean ok = enough.await(20, TimeUnit.SECONDS);
                    synchronized (sawThem) { sawThem.add(ok); }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                enough.countDown();
            }
        });
        assertEquals(List.of(true), sawThem, "the other threads did the items after the slow one while it waited");
    }
}
