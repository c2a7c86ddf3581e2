package dev.dapkit.transport.tcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TcpTransportProviderTest {

    private final TcpTransportProvider provider = new TcpTransportProvider();

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private IllegalArgumentException refusedToConnect(String uri) {
        return assertThrows(IllegalArgumentException.class, () -> provider.connect(URI.create(uri)));
    }

    @Test
    void servesTheTcpScheme() {
        assertEquals(Set.of("tcp"), provider.schemes());
    }

    @Test
    void readsHostsAndPortsIncludingIpv6() {
        assertEquals(new TcpAddress("127.0.0.1", 4711), TcpTransportProvider.address(URI.create("tcp://127.0.0.1:4711")));
        assertEquals(new TcpAddress("board.local", 5678), TcpTransportProvider.address(URI.create("tcp://board.local:5678/")));
        TcpAddress v6 = TcpTransportProvider.address(URI.create("tcp://[::1]:4711"));
        assertEquals("::1", v6.host());
        assertEquals("tcp://[::1]:4711", v6.toString());
    }

    @Test
    void refusesWhatIsNotAHostAndPort() {
        assertTrue(refusedToConnect("tcp:4711").getMessage().contains("write tcp://host:port"));
        assertTrue(refusedToConnect("tcp://127.0.0.1").getMessage().contains("has no port"));
        assertTrue(refusedToConnect("tcp://127.0.0.1:4711/debug").getMessage().contains("path"));
        assertTrue(refusedToConnect("tcp://127.0.0.1:0").getMessage().contains("port 0"));
        IllegalArgumentException secret = refusedToConnect("tcp://hunter2@127.0.0.1:4711");
        assertFalse(secret.getMessage().contains("hunter2"), secret.getMessage());
        assertTrue(secret.getMessage().contains("***@"), secret.getMessage());
    }

    @Test
    void refusesParametersItDoesNotKnow() {
        IllegalArgumentException unknown = refusedToConnect("tcp://127.0.0.1:4711?baud=115200");
        assertTrue(unknown.getMessage().contains("'baud'") && unknown.getMessage().contains("retry"),
                unknown.getMessage());
        assertTrue(refusedToConnect("tcp://127.0.0.1:4711?retry=soon").getMessage().contains("'soon'"));
        assertTrue(refusedToConnect("tcp://127.0.0.1:4711?retry=0").getMessage().contains("at least 1"));
        assertTrue(refusedToConnect("tcp://127.0.0.1:4711?retry=2&retry=3").getMessage().contains("twice"));
        assertThrows(IllegalArgumentException.class, () -> provider.listen(URI.create("tcp://127.0.0.1:0?retry=3")));
    }

    @Test
    void retryAndConnectTimeoutParametersAreApplied() throws Exception {
        int port = freePort();
        ConnectException error = assertThrows(ConnectException.class,
                () -> provider.connect(URI.create("tcp://127.0.0.1:" + port + "?retry=3&connectTimeout=2s")));
        assertTrue(error.getMessage().contains(": 3 attempts in "), error.getMessage());
        assertInstanceOf(ConnectException.class, error.getCause());
    }

    @Test
    void durationsReadAndPrintAsPeopleWriteThem() {
        assertEquals(Duration.ofMillis(250), DurationText.parse("250ms", "x"));
        assertEquals(Duration.ofSeconds(30), DurationText.parse(" 30S ", "x"));
        assertEquals(Duration.ofMinutes(2), DurationText.parse("2m", "x"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("2h", "x"));
        assertEquals("250 ms", DurationText.format(Duration.ofMillis(250)));
        assertEquals("30 s", DurationText.format(Duration.ofSeconds(30)));
        assertEquals("1.5 s", DurationText.format(Duration.ofMillis(1500)));
    }
}
