package archive.model;

import archive.config.BuildConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Records whose text is written out by hand (the generated one is slow in a build's first
 * moments) give the record's own form, which fingerprints read: a component added later and left
 * out of the text would let a changed setting or override go unseen.
 */
class WrittenOutToStringTest {
    /** The form a record's generated toString gives: "Name[a=…, b=…]". */
    private static String recordForm(Record r) throws ReflectiveOperationException {
        StringBuilder b = new StringBuilder(r.getClass().getSimpleName()).append('[');
        RecordComponent[] cs = r.getClass().getRecordComponents();
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) b.append(", ");
            b.append(cs[i].getName()).append('=').append(cs[i].getAccessor().invoke(r));
        }
        return b.append(']').toString();
    }

    @Test
    void theOverridesAndTheSettingsReadAsTheirRecordsWould() throws ReflectiveOperationException {
        ArticleOverrides o = new ArticleOverrides(Path.of("seeds/001_0123456789abcdef.meta.yaml"), List.of("taiyuan"),
                List.of("beijing"), List.of("steel"), List.of());
        assertEquals(recordForm(o), o.toString());
        assertEquals(recordForm(ArticleOverrides.NONE), ArticleOverrides.NONE.toString());
        BuildConfig c = new BuildConfig(Path.of("seeds"), Path.of("templates"), Path.of("data"), Path.of("pages"), Path.of("site"),
                "https://example.org/archive/", true, null);
        assertEquals(recordForm(c), c.toString());
    }
}
