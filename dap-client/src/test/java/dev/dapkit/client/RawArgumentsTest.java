package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code launch}/{@code attach}/{@code restart} arguments reach the adapter as given: integers stay
 * integers (LSP4J's Gson would write {@code 5005.0}), big numbers keep every digit, adapter keys
 * and null values survive. Checked on the request the adapter receives.
 */
class RawArgumentsTest {

    @Test
    void launchMapKeepsIntegersBigNumbersNestedKeysAndNulls() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            Map<String, Object> env = new HashMap<>();
            env.put("REMOVE_ME", null);
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("port", 5005);
            arguments.put("big", new BigInteger("123456789012345678901234567890"));
            arguments.put("ratio", new BigDecimal("0.10"));
            arguments.put("env", env);
            arguments.put("pathMappings", List.of(Map.of("localRoot", "/src")));

            f.client.launch(arguments);
            assertEquals("{\"port\":5005,\"big\":123456789012345678901234567890,\"ratio\":0.10,"
                    + "\"env\":{\"REMOVE_ME\":null},\"pathMappings\":[{\"localRoot\":\"/src\"}]}",
                    f.adapter.expectRequest("launch").arguments().toString());
        }
    }

    @Test
    void theProxysMapTakingLaunchSendsTheSameJson() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("port", 5005);
            arguments.put("timeout", 1.5);
            f.client.server().launch(arguments);
            f.client.server().attach(arguments);
            assertEquals("{\"port\":5005,\"timeout\":1.5}", f.adapter.expectRequest("launch").arguments().toString());
            assertEquals("{\"port\":5005,\"timeout\":1.5}", f.adapter.expectRequest("attach").arguments().toString());
        }
    }

    @Test
    void rawJsonGoesOutByteForByte() throws Exception {
        String text = "{ \"program\" : \"a.py\", \"port\": 5005, \"n\": 1e400, \"x\": 0.1000 }";
        try (ClientFixture f = ClientFixture.start()) {
            f.client.attach(RawJson.parse(text));
            assertEquals(text, f.adapter.expectRequest("attach").arguments().toString());
        }
    }

    @Test
    void jsonNodeArgumentsAndRestartWrapping() throws Exception {
        ObjectNode launch = JsonNodeFactory.instance.objectNode();
        launch.put("program", "a.out");
        launch.put("port", 5005);
        launch.putNull("cwd");
        try (ClientFixture f = ClientFixture.start()) {
            f.client.launch(launch);
            f.client.restart(launch);
            f.client.restart(Map.of("port", 5005));
            f.client.restart(RawJson.parse("{\"arguments\":{\"port\":5005}}"));
            assertEquals("{\"program\":\"a.out\",\"port\":5005,\"cwd\":null}",
                    f.adapter.expectRequest("launch").arguments().toString());
            assertEquals("{\"arguments\":{\"program\":\"a.out\",\"port\":5005,\"cwd\":null}}",
                    f.adapter.expectRequest("restart").arguments().toString());
            Request mapRestart = f.adapter.expectRequest("restart");
            assertEquals("{\"arguments\":{\"port\":5005}}", mapRestart.arguments().toString());
            assertEquals("{\"arguments\":{\"port\":5005}}", f.adapter.expectRequest("restart").arguments().toString());
        }
    }
}
