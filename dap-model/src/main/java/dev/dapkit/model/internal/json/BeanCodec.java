package dev.dapkit.model.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One LSP4J model bean class: its properties in the order Jackson writes them, a table from JSON
 * names to properties for reading, and its no-argument constructor. Unknown fields are checked
 * and skipped; a field given twice takes the last value. A checked read (see
 * {@link Utf8JsonReader#checkRequired}) also notes, in one bit each, which required properties it
 * met with a value other than null, and fails at the end of an object that lacks one. Built once by {@link Lsp4jCodecs} in two
 * steps, so that beans can nest themselves: the fields below the constructor are set once, by
 * {@link #complete}, before any thread but the compiling one can reach the codec; immutable and
 * thread-safe from then on.
 */
final class BeanCodec extends ValueCodec {

    private final Class<?> type;
    private final Lsp4jCodecs codecs;
    private Supplier<Object> constructor;
    /** {@code (Object bean)Object[]}: every property's value, in order, primitives boxed. */
    private MethodHandle values;
    private Property[] properties;
    /** Open addressing on {@link Property#nameHash}: property index + 1, 0 for an empty slot. */
    private int[] table;
    private Map<String, Property> byName;
    private JacksonCodec fallback;
    /** The {@link Property#requiredBit}s of all properties. */
    private long requiredBits;
    /** The required properties, in order: the one with bit {@code 1 << k} at {@code k}. */
    private Property[] required;

    BeanCodec(Class<?> type, Lsp4jCodecs codecs) {
        this.type = type;
        this.codecs = codecs;
    }

    void complete(Supplier<Object> constructor, MethodHandle values, List<Property> properties, JacksonCodec fallback) {
        this.constructor = constructor;
        this.values = values;
        this.properties = properties.toArray(new Property[0]);
        this.fallback = fallback;
        this.byName = new HashMap<>();
        int size = Integer.highestOneBit(Math.max(4, this.properties.length * 3)) << 1;
        this.table = new int[size];
        this.required = properties.stream().filter(p -> p.requiredBit != 0).toArray(Property[]::new);
        for (Property p : this.properties) {
            requiredBits |= p.requiredBit;
            byName.put(p.name, p);
            int slot = p.nameHash & (size - 1);
            while (table[slot] != 0) {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = p.index + 1;
        }
    }

    @Override
    Object read(Utf8JsonReader in) {
        if (first(in) != '{') {
            return fallback.read(in);
        }
        if (in.checkRequired) {
            return readChecked(in);
        }
        Object bean = constructor.get();
        int open = in.pos;
        if (in.beginObject()) {
            int expected = 0;
            do {
                Property p = nextProperty(in, expected);
                if (p == null) {
                    in.skipValue();
                    continue;
                }
                readValue(p, in, bean);
                expected = p.index + 1;
            } while (in.nextField(open));
        }
        return bean;
    }

    /**
     * Reads as {@link #read} does, noting in one bit each which required properties came with a
     * value other than null. A loop of its own, so that the lenient read, which a client makes of
     * every response, does not pay for it.
     */
    private Object readChecked(Utf8JsonReader in) {
        Object bean = constructor.get();
        long seen = 0;
        int open = in.pos;
        if (in.beginObject()) {
            int expected = 0;
            do {
                Property p = nextProperty(in, expected);
                if (p == null) {
                    in.skipValue();
                    continue;
                }
                // null counts as absent; of a property given twice, the last value counts
                seen = first(in) == 'n' ? seen & ~p.requiredBit : seen | p.requiredBit;
                readValue(p, in, bean);
                expected = p.index + 1;
            } while (in.nextField(open));
        }
        if (seen != requiredBits) {
            throw missing(seen);
        }
        return bean;
    }

    /** Reads the next field's name: its property, or null when this bean has none of that name. */
    private Property nextProperty(Utf8JsonReader in, int expected) {
        if (expected < properties.length && in.readNameIf(properties[expected])) {
            return properties[expected];
        }
        in.readName();
        return find(in, expected);
    }

    private static void readValue(Property p, Utf8JsonReader in, Object bean) {
        try {
            p.read(in, bean);
        } catch (JsonBindException e) {
            throw e.inField(p.name);
        }
    }

    /** The first required property, in property order, that the object read lacks. */
    private JsonBindException missing(long seen) {
        Property p = required[Long.numberOfTrailingZeros(requiredBits & ~seen)];
        return new JsonBindException("required property missing or null", null).inField(p.name);
    }

    @Override
    String firstMissing(JsonNode json) {
        if (!json.isObject()) {
            return null;
        }
        for (Property p : properties) {
            JsonNode value = json.get(p.name);
            if (value == null || value.isNull()) {
                if (p.requiredBit != 0) {
                    return p.name;
                }
                continue;
            }
            String missing = p.firstMissing(value);
            if (missing != null) {
                return p.name + (missing.startsWith("[") ? "" : ".") + missing;
            }
        }
        return null;
    }

    /** The property named by the name just read; the one after the last match is tried first. */
    private Property find(Utf8JsonReader in, int expected) {
        if (in.nameText != null) {
            return byName.get(in.nameText);
        }
        byte[] b = in.buf;
        int from = in.nameStart;
        int to = in.nameEnd;
        int length = to - from;
        Property[] props = properties;
        if (expected < props.length) {
            Property p = props[expected];
            if (p.named(b, from, length)) {
                return p;
            }
        }
        int hash = Property.hash(b, from, to);
        int mask = table.length - 1;
        for (int slot = hash & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            Property p = props[table[slot] - 1];
            if (p.nameHash == hash && p.named(b, from, length)) {
                return p;
            }
        }
        return null;
    }

    @Override
    void write(Object bean, Utf8JsonWriter out) {
        if (bean.getClass() != type) {
            // Jackson writes the fields of the runtime class (a StackFrameFormat held as a ValueFormat)
            codecs.writerForRuntimeClass(bean.getClass()).write(bean, out);
            return;
        }
        Object[] fields;
        try {
            fields = (Object[]) values.invokeExact(bean);
        } catch (Throwable t) {
            throw Property.rethrow(t);
        }
        out.writeByte('{');
        boolean first = true;
        Property[] props = properties;
        for (int i = 0; i < props.length; i++) {
            if (props[i].write(fields[i], out, first)) {
                first = false;
            }
        }
        out.writeByte('}');
    }
}
