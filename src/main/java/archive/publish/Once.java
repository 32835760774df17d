package archive.publish;

import java.util.function.Supplier;

/** What a supplier gives, made at the first call and kept; callers on several threads share it. */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T made;

    private Once(Supplier<T> make) { this.make = make; }

    static <T> Supplier<T> of(Supplier<T> make) { return new Once<>(make); }

    @Override
    public synchronized T get() {
        if (made == null) made = make.get();
        return made;
    }
}
