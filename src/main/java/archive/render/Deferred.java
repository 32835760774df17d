package archive.render;

import java.util.function.Supplier;

/**
 * A view-model value that is costly to build (a page of list entries, concordance lines, a
 * chart) but cheap to fingerprint from its inputs. A page is fingerprinted with {@link #inputs}
 * instead of the value, and the value is built only when the page is rendered: a build in which
 * a list did not change never builds its entries at all.
 *
 * <p>The fingerprint must cover everything the value is made from, as {@link Fingerprint}
 * covers a view model; the builders use the articles' content fingerprints and the page's path.
 */
public final class Deferred {
    private final long inputs;
    private final Supplier<?> value;

    Deferred(long inputs, Supplier<?> value) {
        this.inputs = inputs;
        this.value = value;
    }

    long inputs() { return inputs; }

    Object value() { return value.get(); }
}
