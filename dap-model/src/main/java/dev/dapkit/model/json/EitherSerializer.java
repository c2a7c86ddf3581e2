package dev.dapkit.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.impl.PropertySerializerMap;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Writes an {@link Either} as whichever value it holds, the way LSP4J's {@code EitherTypeAdapter}
 * does. Each property gets its own instance (through {@link #createContextual}) that remembers the
 * serializers for the classes it has seen, as Jackson's own serializers for untyped values do.
 */
final class EitherSerializer extends StdSerializer<Either<?, ?>> implements ContextualSerializer {

    private static final long serialVersionUID = 1L;

    /** The unresolved serializer the module hands out; it resolves itself per property. */
    static final EitherSerializer UNRESOLVED = new EitherSerializer(null);

    private final transient BeanProperty property;
    /** Replaced by a larger immutable map when a new class shows up; a lost race only repeats a lookup. */
    private transient PropertySerializerMap seen = PropertySerializerMap.emptyForProperties();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EitherSerializer(BeanProperty property) {
        super((Class) Either.class);
        this.property = property;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
        return new EitherSerializer(property);
    }

    @Override
    public void serialize(Either<?, ?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        Object held = value.isLeft() ? value.getLeft() : value.getRight();
        if (held == null) {
            provider.defaultSerializeNull(gen);
            return;
        }
        Class<?> type = held.getClass();
        JsonSerializer<Object> serializer = seen.serializerFor(type);
        if (serializer == null) {
            PropertySerializerMap.SerializerAndMapResult found =
                    seen.findAndAddSecondarySerializer(type, provider, property);
            seen = found.map;
            serializer = found.serializer;
        }
        serializer.serialize(held, gen, provider);
    }
}
