package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.junit.jupiter.api.Test;

/** The client's flags in {@code initialize}, and the adapter's capabilities it keeps. */
class InitializeTest {

    @Test
    void withoutHandlersTheClientDeclaresNoReverseRequestsWhateverTheCallerSaid() throws Exception {
        InitializeRequestArguments arguments = new InitializeRequestArguments();
        arguments.setAdapterID("x");
        arguments.setSupportsRunInTerminalRequest(true);
        arguments.setSupportsStartDebuggingRequest(true);
        try (ClientFixture f = ClientFixture.start()) {
            f.client.server().initialize(arguments);
            JsonNode sent = f.adapter.expectRequest("initialize").arguments().tree();
            assertEquals("x", sent.get("adapterID").asText());
            assertEquals(false, sent.get("supportsRunInTerminalRequest").asBoolean(true));
            assertEquals(false, sent.get("supportsStartDebuggingRequest").asBoolean(true));
        }
        assertEquals(Boolean.TRUE, arguments.getSupportsRunInTerminalRequest(), "the caller's object is not changed");
    }

    @Test
    void withHandlersTheClientDeclaresThem() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b
                .runInTerminal(args -> CompletableFuture.completedFuture(new RunInTerminalResponse()))
                .startDebugging(args -> CompletableFuture.completedFuture(null)))) {
            f.client.request("initialize", Map.of("adapterID", "y"), Capabilities.class);
            JsonNode sent = f.adapter.expectRequest("initialize").arguments().tree();
            assertTrue(sent.get("supportsRunInTerminalRequest").asBoolean());
            assertTrue(sent.get("supportsStartDebuggingRequest").asBoolean());
            assertEquals("y", sent.get("adapterID").asText());
        }
    }

    @Test
    void aCustomHandlerForRunInTerminalCountsToo() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b
                .reverseRequestHandler("runInTerminal", request -> CompletableFuture.completedFuture(null)))) {
            f.client.server().initialize(null);
            JsonNode sent = f.adapter.expectRequest("initialize").arguments().tree();
            assertTrue(sent.get("supportsRunInTerminalRequest").asBoolean());
            assertEquals(false, sent.get("supportsStartDebuggingRequest").asBoolean(true));
        }
    }

    @Test
    void capabilitiesComeFromTheInitializeResponseAndCapabilitiesEvents() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            assertNull(f.client.capabilities().getSupportsCancelRequest(), "empty before initialize");
            CompletableFuture<Capabilities> answer = f.client.server().initialize(new InitializeRequestArguments());
            Request initialize = f.adapter.expectRequest("initialize");
            f.adapter.respond(initialize, RawJson.parse(
                    "{\"supportsCancelRequest\": true, \"supportsStepBack\": false}"));
            assertEquals(Boolean.TRUE, answer.get(5, TimeUnit.SECONDS).getSupportsCancelRequest());
            assertEquals(Boolean.TRUE, f.client.capabilities().getSupportsCancelRequest());

            f.adapter.event("capabilities", RawJson.parse("{\"capabilities\": {\"supportsStepBack\": true}}"));
            f.client.awaitEvent("capabilities", e -> true, DapClient.NO_TIMEOUT).get(5, TimeUnit.SECONDS);
            Capabilities merged = f.client.capabilities();
            assertEquals(Boolean.TRUE, merged.getSupportsStepBack());
            assertEquals(Boolean.TRUE, merged.getSupportsCancelRequest(), "kept from the initialize response");

            merged.setSupportsStepBack(false);
            assertNotSame(merged, f.client.capabilities());
            assertEquals(Boolean.TRUE, f.client.capabilities().getSupportsStepBack(), "callers get copies");
        }
    }
}
