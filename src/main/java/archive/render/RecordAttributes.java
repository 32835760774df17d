package archive.render;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the attributes of the view records handed to templates ({@code article.title},
 * {@code row.hasNote}) through accessors made once per record class, instead of Pebble's
 * reflective lookup and call: a page reads several hundred attributes, and the reflective way was
 * a tenth of rendering an article page. Anything that is not a record, or a name that is not one
 * of the record's own public methods without arguments, is left to Pebble's resolvers.
 */
final class RecordAttributes implements AttributeResolver {
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

    /**
     * Shared by every resolver of the process: an accessor depends on the record class alone, and
     * each is a class of its own, which a resolver per build (one per Templates) made anew, never
     * unloaded, in a process that builds many times.
     */
    private static final ClassValue<Map<String, Function<Object, Object>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Function<Object, Object>> computeValue(Class<?> type) {
            return type.isRecord() ? accessorsOf(type) : Map.of();
        }
    };

    @Override
    public ResolvedAttribute resolve(Object instance, Object name, Object[] arguments, ArgumentsNode args,
                                     EvaluationContextImpl context, String file, int line) {
        if (!(instance instanceof Record) || arguments != null && arguments.length > 0) return null;
        Function<Object, Object> accessor = ACCESSORS.get(instance.getClass()).get(String.valueOf(name));
        return accessor == null ? null : new ResolvedAttribute(accessor.apply(instance));
    }

    private static Map<String, Function<Object, Object>> accessorsOf(Class<?> type) {
        Map<String, Function<Object, Object>> out = new HashMap<>();
        if (!Modifier.isPublic(type.getModifiers())) return out;
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() != 0 || !Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())
                    || m.getReturnType() == void.class || OBJECT_METHODS.contains(m.getName())) continue;
            try {
                MethodHandle target = lookup.unreflect(m);
                Class<?> returns = m.getReturnType().isPrimitive() ? MethodType.methodType(m.getReturnType()).wrap().returnType()
                        : m.getReturnType();
                @SuppressWarnings("unchecked")
                Function<Object, Object> f = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                        MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), target,
                        MethodType.methodType(returns, type)).getTarget().invokeExact();
                out.put(m.getName(), f);
            } catch (Throwable e) {
                // left to Pebble's own resolver
            }
        }
        return Map.copyOf(out);
    }
}
