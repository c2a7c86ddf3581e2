package dev.dapkit.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads {@code int} and {@code Integer} the way Gson does: an integral number (also when written
 * as {@code 3.0} or as a string) is accepted, a fraction or a number out of {@code int} range is an
 * error. Jackson's own deserializer would silently truncate {@code 3.5} to {@code 3}.
 */
final class IntegerDeserializer extends StdScalarDeserializer<Integer> {

    private static final long serialVersionUID = 1L;

    static final IntegerDeserializer BOXED = new IntegerDeserializer(Integer.class, null);
    static final IntegerDeserializer PRIMITIVE = new IntegerDeserializer(int.class, 0);

    private final Integer nullValue;

    private IntegerDeserializer(Class<?> type, Integer nullValue) {
        super(type);
        this.nullValue = nullValue;
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentTokenId() == JsonTokenId.ID_NULL) {
            return nullValue;
        }
        return read(p, ctxt, handledType());
    }

    @Override
    public Integer getNullValue(DeserializationContext ctxt) {
        return nullValue;
    }

    /** Stateless, so Jackson may share one instance between every use of the type. */
    @Override
    public boolean isCachable() {
        return true;
    }

    /** Reads the int at the parser's current token; {@code target} names the type in error messages. */
    static int read(JsonParser p, DeserializationContext ctxt, Class<?> target) throws IOException {
        switch (p.currentTokenId()) {
            case JsonTokenId.ID_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getIntValue();
                }
                return ctxt.reportInputMismatch(target, "%s is out of the range of int", p.getText());
            case JsonTokenId.ID_NUMBER_FLOAT:
                return integral(p.getDoubleValue(), p.getText(), ctxt, target);
            case JsonTokenId.ID_STRING:
                return fromString(p.getText(), ctxt, target);
            default:
                JsonToken token = p.currentToken();
                JsonValueKind kind = JsonValueKind.of(token);
                return ctxt.reportInputMismatch(target, "expected an int, got %s",
                        kind == null ? String.valueOf(token) : kind.description());
        }
    }

    private static int fromString(String text, DeserializationContext ctxt, Class<?> target) throws IOException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notInt) {
            try {
                return integral(Double.parseDouble(text), '"' + text + '"', ctxt, target);
            } catch (NumberFormatException notNumber) {
                return ctxt.reportInputMismatch(target, "expected an int, got the string \"%s\"", text);
            }
        }
    }

    private static int integral(double value, String text, DeserializationContext ctxt, Class<?> target)
            throws IOException {
        int asInt = (int) value;
        if (asInt != value) {
            return ctxt.reportInputMismatch(target, "%s is not an int", text);
        }
        return asInt;
    }
}
