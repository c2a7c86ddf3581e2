package dev.dapkit.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The launch.json snippet is valid JSON that points VS Code at the bound port. */
class LaunchJsonSnippetTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jvmSnippetConnectsToThePortWithTheJavaDebugType() throws Exception {
        JsonNode configuration = json.readTree(LaunchJsonSnippet.configuration("jvm",
                URI.create("tcp://127.0.0.1:40123"), false));

        assertEquals(40123, configuration.get("debugServer").intValue());
        assertTrue(configuration.get("debugServer").isInt(), "debugServer is a number, as VS Code wants it");
        assertEquals("java", configuration.get("type").textValue());
        assertEquals("launch", configuration.get("request").textValue());
        assertTrue(configuration.get("classPaths").isArray());
        assertFalse(configuration.has("secret"));
    }

    @Test
    void secretKeyAppearsOnlyWhenTheServerWantsOneAndNeverShowsIt() throws Exception {
        JsonNode configuration = json.readTree(LaunchJsonSnippet.configuration("fake",
                URI.create("tcp://127.0.0.1:4711"), true));

        assertTrue(configuration.has("secret"));
        assertEquals(4711, configuration.get("debugServer").intValue());
        assertFalse(configuration.has("mainClass"), "JVM keys for another target");
    }

    @Test
    void microPythonSnippetAttachesToTheBoardsAgentAsDebugpyUsersWriteIt() throws Exception {
        JsonNode configuration = json.readTree(LaunchJsonSnippet.configuration("micropython",
                URI.create("tcp://127.0.0.1:4712"), false));

        assertEquals("python", configuration.get("type").textValue());
        assertEquals("attach", configuration.get("request").textValue());
        assertEquals(4712, configuration.get("debugServer").intValue());
        assertEquals(5678, configuration.get("connect").get("port").intValue());
        assertEquals("/", configuration.get("pathMappings").get(0).get("remoteRoot").textValue());
        assertFalse(configuration.has("mainClass"));
    }
}
