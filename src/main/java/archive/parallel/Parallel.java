package archive.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs an action for every item of a list on the common fork-join pool and the calling thread,
 * each thread taking the next few items when it comes free.
 *
 * <p>Why not a parallel stream: a stream splits its source once into a fixed number of parts, four
 * times the pool's parallelism, which on a 2-core machine is four parts. When items differ in cost
 * (an article page, a place with 20,000 articles beside one with 3), one thread is left with the
 * last part while the other has nothing to do: in one traced build of 100,000 articles the article
 * pages ended with 9 s of one core ({@code bench/thread_cpu.py}, docs/benchmarks.md, thirty-sixth
 * session). Here the items are handed out a few at a time, so the threads finish within a few items
 * of each other.
 *
 * <p>An exception from the action stops the handing out; the first is thrown to the caller as it
 * was thrown (not wrapped), after every thread has stopped. The order in which items are done is
 * not defined: the action must not depend on it.
 */
public final class Parallel {
    /** Items a thread takes at a time, at most: few enough to balance, enough to spare the counter. */
    private static final int MAX_TAKE = 64;

    private Parallel() {}

    /** Runs {@code action} for every item of {@code items} (a list, a set, a map's entries …). */
    public static <T> void forEach(Collection<T> items, Consumer<? super T> action) {
        List<T> list = indexed(items);
        forEachIndex(list.size(), i -> action.accept(list.get(i)));
    }

    /** {@code items} itself when it is a list whose items are reached by index at once, else a copy that is. */
    private static <T> List<T> indexed(Collection<T> items) {
        return items instanceof List<T> l && items instanceof RandomAccess ? l : new ArrayList<>(items);
    }

    /** {@code f} of every item of {@code items}, in their order (an unmodifiable list; {@code f} may give null). */
    public static <T, R> List<R> map(Collection<T> items, Function<? super T, ? extends R> f) {
        List<T> list = indexed(items);
        return mapIndex(list.size(), i -> f.apply(list.get(i)));
    }

    /** {@code f} of every index from 0 to {@code n} - 1, in that order (an unmodifiable list; {@code f} may give null). */
    public static <R> List<R> mapIndex(int n, IntFunction<? extends R> f) {
        Object[] out = new Object[Math.max(0, n)];
        forEachIndex(out.length, i -> out[i] = f.apply(i));
        @SuppressWarnings("unchecked")
        List<R> result = (List<R>) Collections.unmodifiableList(Arrays.asList(out));
        return result;
    }

    /** Runs {@code action} for every index from 0 to {@code n} - 1. */
    public static void forEachIndex(int n, IntConsumer action) {
        if (n <= 0) return;
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
        if (helpers <= 0) {
            for (int i = 0; i < n; i++) action.accept(i);
            return;
        }
        int threads = helpers + 1;
        // Small takes while there are few items per thread; at most MAX_TAKE when there are many.
        int take = Math.max(1, Math.min(MAX_TAKE, n / (threads * 32)));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                // (from < 0: the counter went past the largest int, n being close to it)
                for (int from; (from = next.getAndAdd(take)) < n && from >= 0; ) {
                    int to = Math.min(n, from + take);
                    for (int i = from; i < to; i++) action.accept(i);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                next.set(n); // the other threads take nothing more
            }
        };
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[helpers];
        for (int k = 0; k < helpers; k++) tasks[k] = ForkJoinPool.commonPool().submit(work);
        work.run();
        // A helper not started by now is run here (join takes it back from the queue) and finds nothing left.
        for (ForkJoinTask<?> t : tasks) t.join();
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }
}
