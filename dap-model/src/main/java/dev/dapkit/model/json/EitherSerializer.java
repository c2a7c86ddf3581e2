package dev.dapkit.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Writes an {@link Either} as whichever value it holds, the way LSP4J's {@code EitherTypeAdapter} does. */
final class EitherSerializer extends StdSerializer<Either<?, ?>> {

    private static final long serialVersionUID = 1L;

    static final EitherSerializer INSTANCE = new EitherSerializer();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EitherSerializer() {
        super((Class) Either.class);
    }

    @Override
    public void serialize(Either<?, ?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        Object held = value.isLeft() ? value.getLeft() : value.getRight();
        if (held == null) {
            provider.defaultSerializeNull(gen);
        } else {
            provider.findValueSerializer(held.getClass()).serialize(held, gen, provider);
        }
    }
}
