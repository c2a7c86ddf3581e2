package dev.dapkit.samples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.server.DapServer;
import dev.dapkit.testkit.client.ScriptedClient;
import dev.dapkit.transport.tcp.TcpClientTransport;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.junit.jupiter.api.Test;

/** The README's embedding example really serves DAP on a port. */
class EmbeddedDebugServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void servesTheGivenTargetOnAPort() throws Exception {
        try (DapServer server = EmbeddedDebugServer.start(0, "fake")) {
            URI address = server.address();
            assertEquals("tcp", address.getScheme());
            assertTrue(address.getPort() > 0, "bound port reported: " + address);

            DapConnection connection = TcpClientTransport.builder()
                    .address(address.getHost(), address.getPort()).build()
                    .connect().get(10, TimeUnit.SECONDS);
            try (ScriptedClient client = ScriptedClient.start(connection)) {
                InitializeRequestArguments init = new InitializeRequestArguments();
                init.setAdapterID("fake");
                Capabilities capabilities = client.request("initialize", init, Capabilities.class, TIMEOUT);
                assertTrue(Boolean.TRUE.equals(capabilities.getSupportsConfigurationDoneRequest()));
                client.awaitEvent("initialized", e -> true, TIMEOUT);
                client.assertNoSchemaViolations();
            }
        }
    }
}
