package dev.dapkit.model.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One field of a model bean under its JSON name: how to read its value into a bean and write it
 * out of one. Immutable, thread-safe.
 */
abstract class Property {

    final String name;
    /** The JSON name as UTF-8, unquoted: what a field name in the input is compared with. */
    final byte[] nameBytes;
    final int nameHash;
    /** The name's first eight bytes (fewer, zero-padded, for a shorter name) as a little-endian long, and their mask. */
    private final long head;
    private final long headMask;
    /** {@code ,"name":} as the writer writes it (the comma is left out for the first field). */
    private final byte[] prefix;
    /** The position in the bean's properties. */
    final int index;
    /**
     * This property's bit among its bean's required ones (DAP requires the field: LSP4J marks it
     * {@code @NonNull} or declares it primitive), or 0 when it is optional.
     */
    final long requiredBit;

    Property(String name, int index, long requiredBit) {
        this.name = name;
        this.index = index;
        this.requiredBit = requiredBit;
        this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
        this.nameHash = hash(nameBytes, 0, nameBytes.length);
        long word = 0;
        for (int i = Math.min(Long.BYTES, nameBytes.length) - 1; i >= 0; i--) {
            word = (word << 8) | (nameBytes[i] & 0xFF);
        }
        this.head = word;
        this.headMask = nameBytes.length >= Long.BYTES ? -1L : (1L << (8 * nameBytes.length)) - 1;
        Utf8JsonWriter quoted = new Utf8JsonWriter(nameBytes.length + 8);
        quoted.writeByte(',');
        quoted.writeString(name);
        quoted.writeByte(':');
        this.prefix = quoted.toByteArray();
    }

    static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }

    /** Whether {@code b[from, from + length)} is this property's name. */
    final boolean named(byte[] b, int from, int length) {
        byte[] name = nameBytes;
        if (length != name.length) {
            return false;
        }
        int i = 0;
        if (from + Long.BYTES <= b.length) {
            if ((((long) Utf8JsonReader.LONGS.get(b, from)) & headMask) != head) {
                return false;
            }
            i = Long.BYTES;
        }
        for (; i < length; i++) {
            if (b[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the value at the reader's position (never the end: a value follows the colon) into {@code bean}. */
    abstract void read(Utf8JsonReader in, Object bean);

    /**
     * The path, relative to the value, of the first required property that {@code value} (not null)
     * lacks, or null: see {@link ValueCodec#firstMissing}. Only a bean or an array of beans can lack one.
     */
    String firstMissing(JsonNode value) {
        return null;
    }

    /**
     * Writes {@code "name":value} unless the value (the field's, boxed if primitive) is null; returns
     * whether it wrote anything.
     */
    abstract boolean write(Object value, Utf8JsonWriter out, boolean first);

    final void writeName(Utf8JsonWriter out, boolean first) {
        int skip = first ? 1 : 0;
        out.writeBytes(prefix, skip, prefix.length - skip);
    }

    /** Field handles never throw checked exceptions; anything they throw is passed on as it is. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("field access failed", t);
    }

    /** A primitive {@code int} field: JSON null leaves it 0, as Jackson and Gson do. */
    static final class IntField extends Property {
        private final MethodHandle setter;
        private final JacksonCodec fallback;

        IntField(String name, int index, long requiredBit, MethodHandle setter, JacksonCodec fallback) {
            super(name, index, requiredBit);
            this.setter = setter;
            this.fallback = fallback;
        }

        @Override
        void read(Utf8JsonReader in, Object bean) {
            int c = ValueCodec.first(in);
            int value;
            if (ValueCodec.startsNumber(c) && in.scanInt()) {
                value = in.numberInt();
            } else if (c == 'n') {
                in.readNull();
                value = 0;
            } else {
                if (ValueCodec.startsNumber(c)) {
                    in.pos = in.numberStart;
                }
                value = (Integer) fallback.read(in);
            }
            try {
                setter.invokeExact(bean, value);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        boolean write(Object value, Utf8JsonWriter out, boolean first) {
            writeName(out, first);
            out.writeInt((Integer) value);
            return true;
        }
    }

    /** A primitive {@code boolean} field: JSON null leaves it false. */
    static final class BooleanField extends Property {
        private final MethodHandle setter;
        private final JacksonCodec fallback;

        BooleanField(String name, int index, long requiredBit, MethodHandle setter, JacksonCodec fallback) {
            super(name, index, requiredBit);
            this.setter = setter;
            this.fallback = fallback;
        }

        @Override
        void read(Utf8JsonReader in, Object bean) {
            int c = ValueCodec.first(in);
            boolean value;
            if (c == 't' || c == 'f') {
                value = in.readBoolean();
            } else if (c == 'n') {
                in.readNull();
                value = false;
            } else {
                value = (Boolean) fallback.read(in);
            }
            try {
                setter.invokeExact(bean, value);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        boolean write(Object value, Utf8JsonWriter out, boolean first) {
            writeName(out, first);
            out.writeBoolean((Boolean) value);
            return true;
        }
    }

    /**
     * A field of a reference type: JSON null sets it to null, and null is not written. A bean held
     * by a field is written from the bytes of its last writing when the same instance comes again
     * (one {@code Source} shared by many stack frames); array elements are not, as they rarely repeat.
     */
    static class ReferenceField extends Property {
        private final MethodHandle setter;
        final ValueCodec codec;
        private final boolean remembered;

        ReferenceField(String name, int index, long requiredBit, MethodHandle setter, ValueCodec codec) {
            super(name, index, requiredBit);
            this.setter = setter;
            this.codec = codec;
            this.remembered = codec instanceof BeanCodec;
        }

        @Override
        final void read(Utf8JsonReader in, Object bean) {
            int c = ValueCodec.first(in);
            Object value;
            if (c == 'n') {
                in.readNull();
                value = null;
            } else {
                value = readValue(in, c);
            }
            try {
                setter.invokeExact(bean, value);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        final String firstMissing(JsonNode value) {
            return codec.firstMissing(value);
        }

        /** Reads a value that is not null; {@code first} is its first byte. */
        Object readValue(Utf8JsonReader in, int first) {
            return codec.read(in);
        }

        @Override
        boolean write(Object value, Utf8JsonWriter out, boolean first) {
            if (value == null) {
                return false;
            }
            writeName(out, first);
            if (remembered) {
                out.writeBean(value, codec);
            } else {
                codec.write(value, out);
            }
            return true;
        }
    }

    /**
     * A {@code String} field. Each has a number, the hint under which the reader keeps the last value
     * read for it, so that the same value again (a method name or source path repeated by a thousand
     * frames) is recognised without a scan.
     */
    static final class StringField extends ReferenceField {
        private static final AtomicInteger NEXT_HINT = new AtomicInteger();

        private final int hint = NEXT_HINT.getAndIncrement() & (DecodedStrings.HINTS - 1);

        StringField(String name, int index, long requiredBit, MethodHandle setter, ValueCodec codec) {
            super(name, index, requiredBit, setter, codec);
        }

        @Override
        Object readValue(Utf8JsonReader in, int first) {
            return first == '"' ? in.readString(hint) : codec.read(in);
        }

        @Override
        boolean write(Object value, Utf8JsonWriter out, boolean first) {
            if (value == null) {
                return false;
            }
            writeName(out, first);
            out.writeString((String) value);
            return true;
        }
    }
}
