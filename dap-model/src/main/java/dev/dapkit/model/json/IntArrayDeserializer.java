package dev.dapkit.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Arrays;

/** Reads {@code int[]} with {@link IntegerDeserializer}'s rules for each element. */
final class IntArrayDeserializer extends StdDeserializer<int[]> {

    private static final long serialVersionUID = 1L;

    static final IntArrayDeserializer INSTANCE = new IntArrayDeserializer();

    private IntArrayDeserializer() {
        super(int[].class);
    }

    /** Stateless, so Jackson may share one instance between every use of the type. */
    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    public int[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.isExpectedStartArrayToken()) {
            JsonValueKind kind = JsonValueKind.of(p.currentToken());
            return ctxt.reportInputMismatch(this, "expected an array of int, got %s",
                    kind == null ? String.valueOf(p.currentToken()) : kind.description());
        }
        int[] values = new int[8];
        int size = 0;
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_NULL) {
                return ctxt.reportInputMismatch(this, "element %d of an int array is null", size);
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = IntegerDeserializer.read(p, ctxt, int.class);
        }
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
