package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.TargetException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the launch and attach arguments as VS Code users write them. */
class JvmConfigurationTest {

    @Test
    void listsOrStringsAreAcceptedWhereVsCodeAcceptsThem() throws TargetException {
        JvmLaunchConfiguration config = JvmLaunchConfiguration.from(RawJson.parse("{\"mainClass\": \"a.Main\","
                + " \"classPath\": \"x" + File.pathSeparator + "y\", \"args\": \"1 '2 3'\", \"vmArgs\": [\"-ea\"],"
                + " \"env\": {\"A\": \"1\", \"B\": null}, \"stopOnEntry\": true, \"console\": \"integratedTerminal\"}"));
        assertEquals(List.of("x", "y"), config.classPaths());
        assertEquals(List.of("1", "2 3"), config.args());
        assertEquals(List.of("-ea"), config.vmArgs());
        assertEquals("1", config.env().get("A"));
        assertTrue(config.env().containsKey("B"));
        assertNull(config.env().get("B"), "a null value removes the variable");
        assertTrue(config.stopOnEntry());
        assertEquals(JvmLaunchConfiguration.Console.INTEGRATED_TERMINAL, config.console());
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), config.javaExec(),
                "the JDK running the server by default");
    }

    @Test
    void aWrongValueIsNamedWithWhatWasExpected() {
        TargetException console = assertThrows(TargetException.class, () -> JvmLaunchConfiguration.from(
                RawJson.parse("{\"mainClass\": \"M\", \"console\": \"tty\"}")));
        assertTrue(console.getMessage().contains("\"console\"") && console.getMessage().contains("\"tty\"")
                && console.getMessage().contains("internalConsole"), console.getMessage());
        TargetException args = assertThrows(TargetException.class, () -> JvmLaunchConfiguration.from(
                RawJson.parse("{\"mainClass\": \"M\", \"args\": {\"a\": 1}}")));
        assertTrue(args.getMessage().contains("\"args\""), args.getMessage());
    }

    @Test
    void attachNeedsAPortAndDefaultsTheRest() throws TargetException {
        JvmAttachConfiguration config = JvmAttachConfiguration.from(RawJson.parse("{\"port\": 5005}"));
        assertEquals("127.0.0.1", config.hostName());
        assertEquals(5005, config.port());
        assertEquals(10_000, config.timeoutMillis());
        assertEquals(5005, JvmAttachConfiguration.from(RawJson.parse("{\"port\": \"5005\"}")).port(),
                "a port given as a string");
        TargetException none = assertThrows(TargetException.class, () -> JvmAttachConfiguration.from(
                RawJson.parse("{\"hostName\": \"h\"}")));
        assertTrue(none.getMessage().contains("\"port\"") && none.getMessage().contains("5005"), none.getMessage());
    }
}
