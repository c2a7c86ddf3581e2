package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.TargetException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper("jvm");
    private final Request request = new Request(7, "evaluate", null, Map.of());

    private static JsonNode error(Response r) {
        return r.body().tree().path("error");
    }

    @Test
    void everyFailureBecomesAnErrorResponseWithABodyError() {
        Response target = mapper.toResponse(request, new CompletionException(TargetException.of(3000, "no such variable")));
        assertFalse(target.success());
        assertEquals(7, target.requestSeq());
        assertEquals("no such variable", target.message());
        assertEquals(3000, error(target).path("id").asInt());

        Response unsupported = mapper.toResponse(request, new UnsupportedOperationException());
        assertEquals(EngineError.NOT_SUPPORTED.id(), error(unsupported).path("id").asInt());
        assertEquals("'evaluate' is not supported by target 'jvm'", error(unsupported).path("format").asText());

        Response cancelled = mapper.toResponse(request, new CancellationException());
        assertEquals("cancelled", cancelled.message());
        assertFalse(error(cancelled).path("showUser").asBoolean());

        Response npe = mapper.toResponse(request, new NullPointerException());
        assertEquals("internal error in target 'jvm' while handling 'evaluate': NullPointerException",
                error(npe).path("format").asText());
    }

    @Test
    void aCancelledRequestSaysCancelledWhateverItFailedWith() {
        Response r = mapper.toResponse(request, TargetException.of(5, "interrupted"), true);
        assertEquals("cancelled", r.message());
        assertEquals(5, error(r).path("id").asInt());
    }
}
