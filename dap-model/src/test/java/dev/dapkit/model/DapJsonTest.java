package dev.dapkit.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.LaunchRequestArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Launch arguments that no Java type models must keep their keys, number kinds and very bytes. */
class DapJsonTest {

    private static final String ARGUMENTS =
            "{\"port\":5005,\"big\":12345678901234567,\"ratio\":0.1,\"nested\":{\"x\":[1,2]}}";

    private static Request readLaunch(String arguments) throws MalformedMessageException {
        String message = "{\"seq\":3,\"type\":\"request\",\"command\":\"launch\",\"arguments\":" + arguments + "}";
        byte[] frame = ("HEAD" + message + "TAIL").getBytes(UTF_8);
        return assertInstanceOf(Request.class,
                DapJson.standard().readMessage(frame, 4, frame.length - 8));
    }

    @Test
    void launchArgumentsBoundToAMapKeepIntegersAndDigits() throws Exception {
        Map<String, Object> args = readLaunch(ARGUMENTS).arguments().bind(new TypeReference<Map<String, Object>>() { });
        assertAll(
                () -> assertEquals(Integer.valueOf(5005), assertInstanceOf(Integer.class, args.get("port"))),
                () -> assertEquals(Long.valueOf(12345678901234567L), assertInstanceOf(Long.class, args.get("big"))),
                () -> assertEquals(new BigDecimal("0.1"), args.get("ratio")),
                () -> assertEquals(Map.of("x", List.of(1, 2)), args.get("nested")),
                () -> assertEquals(ARGUMENTS, RawJson.from(args).toString(), "the bound map written again"));
    }

    @Test
    void launchArgumentsAsATreeKeepIntegersAndDigits() throws Exception {
        JsonNode tree = readLaunch(ARGUMENTS).arguments().tree();
        assertAll(
                () -> assertEquals(true, tree.get("port").isInt()),
                () -> assertEquals(12345678901234567L, tree.get("big").longValue()),
                () -> assertEquals(new BigDecimal("0.1"), tree.get("ratio").decimalValue()),
                () -> assertEquals(ARGUMENTS, RawJson.from(tree).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {ARGUMENTS,
            "{ \"port\" : 5005 ,\n \"ratio\": 1.50, \"exp\": 1e3, \"neg\": -0, \"s\": \"\\u00e9\\n\", \"arr\": [ ] }",
            "{\"secret\":\"é ✓ 😀\",\"deep\":{\"a\":{\"b\":{\"c\":[null,true,false]}}}}"})
    void forwardingWritesTheArgumentsByteForByte(String arguments) throws Exception {
        Request launch = readLaunch(arguments);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DapJson.standard().writeMessage(launch, out);
        assertEquals("{\"seq\":3,\"type\":\"request\",\"command\":\"launch\",\"arguments\":" + arguments + "}",
                out.toString(UTF_8));
    }

    @Test
    void lsp4jArgumentsTypeSeesOnlyItsOwnFields() throws Exception {
        Request launch = readLaunch("{\"noDebug\":true,\"port\":5005,\"__restart\":{\"n\":1}}");
        LaunchRequestArguments typed = launch.arguments(LaunchRequestArguments.class);
        assertEquals(Boolean.TRUE, typed.getNoDebug());
        assertEquals(Map.of("n", 1), typed.get__restart());
    }

    @Test
    void newObjectMapperIsIndependentOfTheStandardOne() throws Exception {
        var mapper = DapJson.newObjectMapper();
        assertEquals("{\"n\":1}", mapper.writeValueAsString(Map.of("n", 1)));
        assertEquals(Integer.valueOf(5005), mapper.readValue("5005", Object.class));
        assertEquals(new BigDecimal("0.10"), mapper.readValue("0.10", Object.class));
    }
}
