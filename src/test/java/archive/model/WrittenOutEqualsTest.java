package archive.model;

import archive.publish.ArticleRecord;
import archive.render.Views;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Records whose equals and hashCode are written out by hand (the generated ones are slow in a
 * build's first moments) compare every component, as the record's own would: a component added
 * later and left out would let an edit that changes it go unseen (a citation not formatted again,
 * a list not rendered again).
 */
class WrittenOutEqualsTest {
    @Test
    void anArticlesRecordIsEqualOnlyToOneWithEveryComponentTheSame() throws ReflectiveOperationException {
        assertComparesEveryComponent(new ArticleRecord("0123456789abcdef", "articles/0123456789abcdef/", "https://example.org/a/",
                LocalDate.of(1958, 5, 1), 2, "Section", "Column", "An Author", "A title", "标题"));
    }

    @Test
    void anArticlesSummaryIsEqualOnlyToOneWithEveryComponentTheSame() throws ReflectiveOperationException {
        assertComparesEveryComponent(new Views.ArticleSummary("0123456789abcdef", "articles/0123456789abcdef/", "A title", "标题",
                "1958-05-01", "1 May 1958", "1958年5月1日", 2, "Section", "Column", true, true, false, "dates/1958/05/01/"));
    }

    /** The citation shapes' keys (private records of archive.publish.CitationShapes), reached by reflection. */
    @Test
    void aCitationShapesKeysAreEqualOnlyToOnesWithEveryComponentTheSame() throws ReflectiveOperationException {
        Class<?> shape = Class.forName("archive.publish.CitationShapes$Shape");
        Class<?> kind = Class.forName("archive.publish.CitationShapes$Kind");
        assertComparesEveryComponent((Record) canonical(shape).newInstance(java.time.YearMonth.of(1959, 3), 0, true, false));
        assertComparesEveryComponent((Record) canonical(kind).newInstance(archive.publish.Citations.Style.values()[0], true, false));
    }

    /** The canonical constructor of {@code record}, callable from here. */
    private static Constructor<?> canonical(Class<?> record) throws NoSuchMethodException {
        Class<?>[] types = java.util.Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> c = record.getDeclaredConstructor(types);
        c.setAccessible(true);
        return c;
    }

    /** {@code r} equals a copy of itself, with its hash, and no copy with one component changed. */
    private static void assertComparesEveryComponent(Record r) throws ReflectiveOperationException {
        RecordComponent[] cs = r.getClass().getRecordComponents();
        Object[] values = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            java.lang.reflect.Method accessor = cs[i].getAccessor();
            accessor.setAccessible(true);
            values[i] = accessor.invoke(r);
            types[i] = cs[i].getType();
        }
        Constructor<?> canonical = canonical(r.getClass());
        Object same = canonical.newInstance(values.clone());
        assertEquals(r, same);
        assertEquals(r.hashCode(), same.hashCode());
        for (int i = 0; i < cs.length; i++) {
            Object[] changed = values.clone();
            changed[i] = other(values[i], types[i]);
            assertNotEquals(r, canonical.newInstance(changed), "a different " + cs[i].getName());
            changed[i] = null;
            if (!types[i].isPrimitive()) assertNotEquals(r, canonical.newInstance(changed), "no " + cs[i].getName());
        }
    }

    private static Object other(Object value, Class<?> type) {
        if (type == String.class) return value + "x";
        if (type == int.class) return (Integer) value + 1;
        if (type == boolean.class) return !(Boolean) value;
        if (type == LocalDate.class) return ((LocalDate) value).plusDays(1);
        if (type == java.time.YearMonth.class) return ((java.time.YearMonth) value).plusMonths(1);
        if (type.isEnum()) return type.getEnumConstants()[(((Enum<?>) value).ordinal() + 1) % type.getEnumConstants().length];
        throw new AssertionError("a component of a type this test cannot change: " + type + "; teach it how");
    }
}
