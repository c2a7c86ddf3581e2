package dev.dapkit.model.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** Jackson support for LSP4J Debug's model classes. */
public final class Lsp4jModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public Lsp4jModule() {
        super("dapkit-lsp4j");
    }

    /** Configures {@code mapper} to read and write LSP4J model objects as LSP4J's Gson handler does. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new Lsp4jModule())
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
