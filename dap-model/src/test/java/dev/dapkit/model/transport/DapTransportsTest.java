package dev.dapkit.model.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lookup by scheme. The stdio connections made here are never started nor closed: this JVM's
 * standard streams are the test runner's channel, and reading or closing them would break it.
 */
class DapTransportsTest {

    @Test
    void stdioIsAvailable() {
        assertTrue(DapTransports.availableSchemes().contains("stdio"), DapTransports.availableSchemes().toString());
    }

    @Test
    void stdioConnectsByTextAndByUriInAnyCase() throws Exception {
        assertEquals("stdio", DapTransports.connect("stdio:").description());
        assertEquals("stdio", DapTransports.connect(URI.create("stdio:-")).description());
        assertEquals("stdio", DapTransports.connect(URI.create("STDIO:-")).description());
    }

    @Test
    void stdioListensForExactlyOneConnection() throws Exception {
        try (ConnectionSource source = DapTransports.listen("stdio:")) {
            assertEquals(URI.create("stdio:-"), source.address());
            List<DapConnection> handed = new ArrayList<>();
            source.start(handed::add);
            assertEquals(1, handed.size());
            assertEquals("stdio", handed.get(0).description());
            assertThrows(IllegalStateException.class, () -> source.start(handed::add));
            source.close();
            source.closeFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void stdioTakesNoAddress() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DapTransports.connect("stdio:/dev/tty"));
        assertTrue(e.getMessage().contains("stdio:/dev/tty"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "tcp://127.0.0.1:1, tcp, dev.dapkit:transport-tcp",
        "tcps://127.0.0.1:1, tcps, dev.dapkit:transport-tls",
        "serial:/dev/ttyUSB0?baud=115200, serial, dev.dapkit:transport-serial",
    })
    void aMissingShippedTransportNamesItsArtifact(String address, String scheme, String artifact) {
        TransportNotFoundException connect = assertThrows(TransportNotFoundException.class,
                () -> DapTransports.connect(URI.create(address)));
        assertTrue(connect.getMessage().contains(artifact), connect.getMessage());
        assertTrue(connect.getMessage().contains("available schemes: stdio"), connect.getMessage());
        assertEquals(scheme, connect.scheme());
        assertTrue(connect.availableSchemes().contains("stdio"));

        TransportNotFoundException listen = assertThrows(TransportNotFoundException.class,
                () -> DapTransports.listen(address));
        assertTrue(listen.getMessage().contains(artifact), listen.getMessage());
    }

    @Test
    void anUnknownSchemeListsTheAvailableOnes() {
        TransportNotFoundException e = assertThrows(TransportNotFoundException.class,
                () -> DapTransports.connect(URI.create("foo:bar")));
        assertEquals("no transport for 'foo:bar': no provider serves scheme 'foo'; available schemes: stdio",
                e.getMessage());
        assertEquals(Set.of("stdio"), e.availableSchemes());
    }

    @Test
    void aHostAndPortWithoutSchemeGetsAHint() {
        TransportNotFoundException e = assertThrows(TransportNotFoundException.class,
                () -> DapTransports.connect("localhost:4711"));
        assertTrue(e.getMessage().contains("tcp://localhost:4711"), e.getMessage());
    }

    @Test
    void aSecretInTheAddressIsNotRepeated() {
        TransportNotFoundException e = assertThrows(TransportNotFoundException.class,
                () -> DapTransports.connect("tcps://hunter2@127.0.0.1:1"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("tcps://***@127.0.0.1:1"), e.getMessage());
    }

    @Test
    void anAddressWithoutSchemeIsRefusedClearly() {
        IllegalArgumentException noScheme = assertThrows(IllegalArgumentException.class,
                () -> DapTransports.connect(URI.create("/dev/ttyUSB0")));
        assertTrue(noScheme.getMessage().contains("'/dev/ttyUSB0' has no scheme"), noScheme.getMessage());

        IllegalArgumentException notAUri = assertThrows(IllegalArgumentException.class,
                () -> DapTransports.connect("127.0.0.1:4711"));
        assertTrue(notAUri.getMessage().contains("'127.0.0.1:4711' is not a transport address"),
                notAUri.getMessage());
    }
}
