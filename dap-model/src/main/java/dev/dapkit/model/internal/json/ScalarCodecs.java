package dev.dapkit.model.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The codecs of the scalar types LSP4J's model uses: {@code String}, {@code Integer},
 * {@code Boolean}, {@code Double} and {@code Either<Integer, String>}. Each reads the JSON shape
 * its type is written as and hands any other shape to Jackson (which coerces {@code 3.0} or
 * {@code "3"} to an {@code int}, or explains why not). Immutable, thread-safe.
 */
final class ScalarCodecs {

    final ValueCodec strings;
    final ValueCodec integers;
    final ValueCodec booleans;
    final ValueCodec doubles;
    /** The Jackson readers of {@code int} and {@code boolean}, for the primitive properties. */
    final JacksonCodec primitiveInts;
    final JacksonCodec primitiveBooleans;

    ScalarCodecs(ObjectMapper mapper) {
        this.strings = new Strings(jackson(mapper, String.class));
        this.integers = new Integers(jackson(mapper, Integer.class));
        this.booleans = new Booleans(jackson(mapper, Boolean.class));
        this.doubles = new Doubles(jackson(mapper, Double.class));
        this.primitiveInts = jackson(mapper, int.class);
        this.primitiveBooleans = jackson(mapper, boolean.class);
    }

    static JacksonCodec jackson(ObjectMapper mapper, Class<?> type) {
        return new JacksonCodec(mapper, mapper.constructType(type));
    }

    /** The codec for {@code Either<Integer, String>} (LSP4J's {@code Module.id}, {@code Source.sourceReference}). */
    ValueCodec intOrString(JacksonCodec fallback) {
        return new IntOrString(fallback);
    }

    /** A scalar codec that reads its own JSON shape and hands any other to Jackson. */
    private abstract static class WithFallback extends ValueCodec {
        final JacksonCodec fallback;

        WithFallback(JacksonCodec fallback) {
            this.fallback = fallback;
        }
    }

    private static final class Strings extends WithFallback {
        Strings(JacksonCodec fallback) {
            super(fallback);
        }

        @Override
        Object read(Utf8JsonReader in) {
            return first(in) == '"' ? in.readString() : fallback.read(in);
        }

        @Override
        void write(Object value, Utf8JsonWriter out) {
            out.writeString((String) value);
        }
    }

    private static final class Integers extends WithFallback {
        Integers(JacksonCodec fallback) {
            super(fallback);
        }

        @Override
        Object read(Utf8JsonReader in) {
            if (startsNumber(first(in))) {
                if (in.scanInt()) {
                    return in.numberInt();
                }
                in.pos = in.numberStart;
            }
            return fallback.read(in);
        }

        @Override
        void write(Object value, Utf8JsonWriter out) {
            out.writeInt((Integer) value);
        }
    }

    private static final class Booleans extends WithFallback {
        Booleans(JacksonCodec fallback) {
            super(fallback);
        }

        @Override
        Object read(Utf8JsonReader in) {
            int c = first(in);
            return c == 't' || c == 'f' ? Boolean.valueOf(in.readBoolean()) : fallback.read(in);
        }

        @Override
        void write(Object value, Utf8JsonWriter out) {
            out.writeBoolean((Boolean) value);
        }
    }

    private static final class Doubles extends WithFallback {
        Doubles(JacksonCodec fallback) {
            super(fallback);
        }

        @Override
        Object read(Utf8JsonReader in) {
            if (startsNumber(first(in))) {
                return in.scanNumber() ? (double) in.numberInt() : Double.parseDouble(in.numberText());
            }
            return fallback.read(in);
        }

        @Override
        void write(Object value, Utf8JsonWriter out) {
            out.writeDouble((Double) value);
        }
    }

    private static final class IntOrString extends WithFallback {
        IntOrString(JacksonCodec fallback) {
            super(fallback);
        }

        @Override
        Object read(Utf8JsonReader in) {
            int c = first(in);
            if (c == '"') {
                return Either.forRight(in.readString());
            }
            if (startsNumber(c)) {
                if (in.scanInt()) {
                    return Either.forLeft(in.numberInt());
                }
                in.pos = in.numberStart;
            }
            return fallback.read(in);
        }

        @Override
        void write(Object value, Utf8JsonWriter out) {
            Object held = ((Either<?, ?>) value).get();
            if (held instanceof Integer i) {
                out.writeInt(i);
            } else if (held instanceof String s) {
                out.writeString(s);
            } else {
                fallback.write(value, out);
            }
        }
    }
}
