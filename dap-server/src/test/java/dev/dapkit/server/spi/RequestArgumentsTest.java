package dev.dapkit.server.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Typed reads of launch/attach arguments, with errors that name the key, the value and the target's id. */
class RequestArgumentsTest {

    private static RequestArguments read(String json) {
        return RequestArguments.of("launch", RawJson.parse(json), problem -> TargetException.of(2999, problem));
    }

    @Test
    void readsEveryKindOfValue() throws Exception {
        RequestArguments read = read("{\"program\": \"/a/main.py\", \"stop\": true, \"n\": 7, \"digits\": \"42\","
                + " \"port\": 5678, \"args\": [\"-v\", \"x\"], \"line\": \"-v  x\", \"env\": {\"A\": \"1\", \"B\": null}}");

        assertEquals("/a/main.py", read.requiredString("program", "a script"));
        assertTrue(read.bool("stop", false));
        assertFalse(read.bool("absent", false));
        assertEquals(7, read.integer("n", 0));
        assertEquals(42, read.integer("digits", 0), "launch.json variables give numbers as strings");
        assertEquals(5678, read.port("port", false));
        assertEquals(List.of("-v", "x"), read.strings("args", one -> List.of(one)));
        assertEquals(List.of("-v", "x"), read.strings("line", one -> Arrays.asList(one.split(" "))), "blank parts dropped");
        assertEquals(List.of(), read.strings("absent", one -> List.of(one)));
        Map<String, String> env = new HashMap<>();
        env.put("A", "1");
        env.put("B", null);
        assertEquals(env, read.stringMap("env"));
        assertNull(read.optionalString("absent"));
        assertEquals(List.of("n", "digits", "port", "args", "line", "env"), read.unknownKeys(Set.of("program", "stop")));
    }

    @Test
    void aWrongValueNamesTheKeyWhatItHoldsAndWhatWasExpectedWithTheTargetsId() {
        TargetException e = assertThrows(TargetException.class, () -> read("{\"port\": \"abc\"}").port("port", false));

        assertEquals(2999, e.error().id());
        assertEquals("launch argument \"port\" must be a TCP port (1 to 65535), e.g. 5678; it is \"abc\"",
                e.error().format());
    }

    @Test
    void aNestedObjectsErrorsCarryItsPath() throws Exception {
        RequestArguments connect = RequestArguments.of("attach", RawJson.parse("{\"connect\": {\"port\": 70000}}"),
                problem -> TargetException.of(2999, problem)).object("connect", "an object");

        TargetException e = assertThrows(TargetException.class, () -> connect.port("port", false));

        assertEquals("attach argument \"connect\" key \"port\" must be a TCP port (1 to 65535), e.g. 5678; it is 70000",
                e.error().format());
    }

    @Test
    void missingAndMistypedValuesAreRefused() {
        assertThrows(TargetException.class, () -> read("{}").requiredString("program", "a script"));
        assertThrows(TargetException.class, () -> read("{\"program\": \" \"}").requiredString("program", "a script"));
        assertThrows(TargetException.class, () -> read("{\"stop\": \"yes\"}").bool("stop", false));
        assertThrows(TargetException.class, () -> read("{\"n\": 1.5}").integer("n", 0));
        assertThrows(TargetException.class, () -> read("{\"args\": [1, {}]}").strings("args", List::of));
        assertThrows(TargetException.class, () -> read("{\"env\": {\"A\": [1]}}").stringMap("env"));
        assertThrows(TargetException.class, () -> read("{\"connect\": 5}").object("connect", "an object"));
    }

    @Test
    void aLongValueIsCutInTheMessage() {
        String longText = "x".repeat(1000);
        TargetException e = assertThrows(TargetException.class,
                () -> read("{\"n\": \"" + longText + "\"}").integer("n", 0));

        assertTrue(e.error().format().endsWith("...") && e.error().format().length() < 300, e.error().format());
    }

    @Test
    void noArgumentsReadAsAnEmptyObject() throws Exception {
        RequestArguments read = RequestArguments.of("attach", null, problem -> TargetException.of(1, problem));

        assertFalse(read.has("port"));
        assertEquals(3, read.integer("port", 3));
    }
}
