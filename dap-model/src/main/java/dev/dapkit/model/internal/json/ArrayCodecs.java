package dev.dapkit.model.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Arrays: of objects (beans, strings, boxed numbers, enums), where null elements stay null, and
 * {@code int[]}. Anything but a JSON array, or (for {@code int[]}) an element that is not a plain
 * integer, goes to Jackson as a whole. Immutable, thread-safe.
 */
final class ArrayCodecs {

    private ArrayCodecs() {
    }

    /** An array of a reference type whose elements {@code elements} reads and writes. */
    static final class OfObjects extends ValueCodec {
        private final Class<? extends Object[]> arrayType;
        private final ValueCodec elements;
        private final JacksonCodec fallback;

        OfObjects(Class<? extends Object[]> arrayType, ValueCodec elements, JacksonCodec fallback) {
            this.arrayType = arrayType;
            this.elements = elements;
            this.fallback = fallback;
        }

        @Override
        Object read(Utf8JsonReader in) {
            if (first(in) != '[') {
                return fallback.read(in);
            }
            int open = in.pos;
            if (!in.beginArray()) {
                return Arrays.copyOf(new Object[0], 0, arrayType);
            }
            Object[] items = new Object[16];
            int n = 0;
            do {
                Object item;
                if (first(in) == 'n') {
                    in.readNull();
                    item = null;
                } else {
                    try {
                        item = elements.read(in);
                    } catch (JsonBindException e) {
                        throw e.atIndex(n);
                    }
                }
                if (n == items.length) {
                    items = Arrays.copyOf(items, n << 1);
                }
                items[n++] = item;
            } while (in.nextElement(open));
            return Arrays.copyOf(items, n, arrayType);
        }

        @Override
        String firstMissing(JsonNode json) {
            if (!json.isArray()) {
                return null;
            }
            for (int i = 0; i < json.size(); i++) {
                JsonNode item = json.get(i);
                String missing = item.isNull() ? null : elements.firstMissing(item);
                if (missing != null) {
                    return "[" + i + "]" + (missing.startsWith("[") ? "" : ".") + missing;
                }
            }
            return null;
        }

        @Override
        void write(Object value, Utf8JsonWriter out) {
            Object[] array = (Object[]) value;
            out.writeByte('[');
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                if (array[i] == null) {
                    out.writeNull();
                } else {
                    elements.write(array[i], out);
                }
            }
            out.writeByte(']');
        }
    }

    /** {@code int[]}: an element that is not an integer in range (or is null) sends the array to Jackson. */
    static final class OfInts extends ValueCodec {
        private final JacksonCodec fallback;

        OfInts(JacksonCodec fallback) {
            this.fallback = fallback;
        }

        @Override
        Object read(Utf8JsonReader in) {
            if (first(in) != '[') {
                return fallback.read(in);
            }
            int open = in.pos;
            int depth = in.depth();
            if (!in.beginArray()) {
                return new int[0];
            }
            int[] items = new int[8];
            int n = 0;
            do {
                if (!startsNumber(first(in)) || !in.scanInt()) {
                    in.rewind(open, depth);
                    return fallback.read(in);
                }
                if (n == items.length) {
                    items = Arrays.copyOf(items, n << 1);
                }
                items[n++] = in.numberInt();
            } while (in.nextElement(open));
            return n == items.length ? items : Arrays.copyOf(items, n);
        }

        @Override
        void write(Object value, Utf8JsonWriter out) {
            int[] array = (int[]) value;
            out.writeByte('[');
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                out.writeInt(array[i]);
            }
            out.writeByte(']');
        }
    }
}
