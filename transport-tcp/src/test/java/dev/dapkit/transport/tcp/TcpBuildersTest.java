package dev.dapkit.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builders check their settings in build(), with messages that say what is wrong. */
class TcpBuildersTest {

    @Test
    void aClientNeedsAnAddress() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> TcpClientTransport.builder().build());
        assertTrue(error.getMessage().contains("address(host, port)"), error.getMessage());
    }

    @Test
    void aClientNeedsARealPort() {
        assertThrows(IllegalArgumentException.class, () -> TcpClientTransport.builder().address("127.0.0.1", 0).build());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TcpClientTransport.builder().address("127.0.0.1", 70000).build());
        assertTrue(error.getMessage().contains("70000"), error.getMessage());
    }

    @Test
    void timeoutsMustBePositiveAndTheWriteBoundAtLeastOneByte() {
        TcpClientTransport.Builder client = TcpClientTransport.builder().address("127.0.0.1", 4711);
        assertThrows(IllegalArgumentException.class, () -> client.connectTimeout(Duration.ZERO).build());
        client.connectTimeout(Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> client.partialFrameTimeout(Duration.ofSeconds(-1)).build());
        client.partialFrameTimeout(Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> client.maxQueuedWriteBytes(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> TcpServerTransport.builder().partialFrameTimeout(Duration.ZERO).build());
    }

    @Test
    void aServerRefusesABadAddressBeforeBinding() {
        assertThrows(IllegalArgumentException.class, () -> TcpServerTransport.builder().bind("127.0.0.1", -1).build());
        assertThrows(IllegalArgumentException.class, () -> TcpServerTransport.builder().bind(" ", 0).build());
    }

    @Test
    void aClientKnowsItsAddressAsAUri() {
        TcpClientTransport client = TcpClientTransport.builder().address("::1", 4711).build();
        assertEquals(URI.create("tcp://[::1]:4711"), client.address());
    }
}
