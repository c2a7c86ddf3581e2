package dev.dapkit.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an LSP4J enum from its wire name. Like LSP4J's {@code DebugEnumTypeAdapter}, a string (or
 * number) that names no constant reads as null, so a peer that speaks a newer protocol version with
 * more values is not cut off; anything else (an object, an array, a boolean) is an error that names
 * the enum and its values.
 */
final class Lsp4jEnumDeserializer<E extends Enum<E>> extends StdDeserializer<E> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Lsp4jEnumDeserializer.class);

    private final transient Lsp4jEnumNames<E> names;

    Lsp4jEnumDeserializer(Lsp4jEnumNames<E> names) {
        super(names.type());
        this.names = names;
    }

    @Override
    public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                || token == JsonToken.VALUE_NUMBER_FLOAT) {
            String text = p.getText();
            E constant = names.constant(text);
            if (constant == null && LOG.isDebugEnabled()) {
                LOG.debug("{} has no value {} (known: {}) at {}; read as null", names.type().getSimpleName(),
                        token == JsonToken.VALUE_STRING ? '"' + text + '"' : text, names.knownNames(),
                        p.currentTokenLocation().offsetDescription());
            }
            return constant;
        }
        return ctxt.reportInputMismatch(this, "%s must be a string, one of %s; got %s",
                names.type().getName(), names.knownNames(), describe(token));
    }

    /** Stateless, so Jackson may share one instance between every use of the type. */
    @Override
    public boolean isCachable() {
        return true;
    }

    private static String describe(JsonToken token) {
        JsonValueKind kind = JsonValueKind.of(token);
        return kind == null ? String.valueOf(token) : kind.description();
    }
}
