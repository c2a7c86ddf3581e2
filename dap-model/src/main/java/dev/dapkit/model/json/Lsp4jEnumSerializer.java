package dev.dapkit.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes an LSP4J enum constant as its wire name. */
final class Lsp4jEnumSerializer<E extends Enum<E>> extends StdSerializer<E> {

    private static final long serialVersionUID = 1L;

    private final transient Lsp4jEnumNames<E> names;

    Lsp4jEnumSerializer(Lsp4jEnumNames<E> names) {
        super(names.type());
        this.names = names;
    }

    @Override
    public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(names.wireName(value.ordinal()));
    }
}
