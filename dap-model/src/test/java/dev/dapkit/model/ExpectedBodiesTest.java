package dev.dapkit.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.internal.json.Utf8JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A successful response's body bound while the envelope is read ({@link ExpectedBodies}): handed out
 * once, and nothing else about reading (bytes, errors, fields in another order) changes.
 */
class ExpectedBodiesTest {

    /** Answers {@code StackTraceResponse} for request 7's {@code stackTrace}, and notes every call. */
    private final List<String> asked = new ArrayList<>();
    private final ExpectedBodies stackTraceOf7 = (requestSeq, command) -> {
        asked.add(requestSeq + " " + command);
        return requestSeq == 7 && command.equals("stackTrace") ? StackTraceResponse.class : null;
    };

    private static DapMessage read(String json, ExpectedBodies expected) throws MalformedMessageException {
        byte[] utf8 = json.getBytes(UTF_8);
        return DapJson.standard().readMessage(utf8, 0, utf8.length, expected);
    }

    private static String response(int requestSeq, boolean success, String command, String body) {
        return "{\"seq\":12,\"type\":\"response\",\"request_seq\":" + requestSeq + ",\"success\":" + success
                + ",\"command\":\"" + command + "\",\"body\":" + body + "}";
    }

    private static StackTraceResponse trace(int frames) {
        Source source = new Source();
        source.setPath("/src/Recursion.java");
        StackFrame[] all = new StackFrame[frames];
        for (int i = 0; i < frames; i++) {
            all[i] = new StackFrame();
            all[i].setId(i + 1);
            all[i].setName("Recursion.descend(int) \u4e2d \ud83d\ude00");
            all[i].setLine(40 + i);
            all[i].setSource(source);
        }
        StackTraceResponse trace = new StackTraceResponse();
        trace.setStackFrames(all);
        trace.setTotalFrames(frames);
        return trace;
    }

    /** The response to request 7 as dapkit writes it: the envelope's scalars before the body. */
    private static String written(Object body) throws IOException {
        Request request = new Request(7, "stackTrace", RawJson.parse("{\"threadId\":1}"), Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DapJson.standard().writeMessage(Response.success(request, body).withSeq(12), out);
        return out.toString(UTF_8);
    }

    @Test
    void theBodyBoundWhileReadingIsHandedOutOnceThenBoundAfresh() throws Exception {
        StackTraceResponse sent = trace(3);
        Response response = (Response) read(written(sent), stackTraceOf7);

        Object bound = response.body().peekBound();
        assertInstanceOf(StackTraceResponse.class, bound);
        assertEquals(List.of("7 stackTrace"), asked);
        StackTraceResponse first = response.body().bind(StackTraceResponse.class);
        assertSame(bound, first);
        assertEquals(sent, first);
        assertNull(response.body().peekBound(), "taken once, forgotten");
        StackTraceResponse second = response.body().bind(StackTraceResponse.class);
        assertNotSame(first, second);
        assertEquals(first, second);
    }

    @Test
    void aBindToAnotherTypeLeavesTheBoundValueForItsOwnType() throws Exception {
        Response response = (Response) read(written(trace(2)), stackTraceOf7);
        Object bound = response.body().peekBound();
        assertNotNull(bound);

        JsonNode tree = response.body().tree();
        assertEquals(2, tree.get("stackFrames").size());
        assertSame(bound, DapJson.standard().bind(response.body(), StackTraceResponse.class));
    }

    @Test
    void theMessageAndItsBytesAreTheSameWithAndWithoutTheHint() throws Exception {
        String json = written(trace(50));
        Response plain = (Response) read(json, null);
        Response hinted = (Response) read(json, stackTraceOf7);

        assertNull(plain.body().peekBound());
        assertNotNull(hinted.body().peekBound());
        assertArrayEquals(plain.body().toByteArray(), hinted.body().toByteArray());
        assertEquals(plain.body().toString(), hinted.body().toString());
        assertEquals(plain.body().hashCode(), hinted.body().hashCode());
        assertEquals(plain, hinted);
        assertEquals(plain.toString(), hinted.toString());
    }

    @Test
    void theValueInTheEnvelopeIsBoundAsTheRestOfTheMessageIsRead() throws Exception {
        // the envelope goes on after the body: unknown fields and the message are still read
        String json = "{\"seq\":12,\"type\":\"response\",\"request_seq\":7,\"success\":true,\"command\":\"stackTrace\","
                + "\"body\" : {\"stackFrames\":[{\"id\":1,\"name\":\"m\",\"line\":3,\"column\":1}],\"totalFrames\":1} ,"
                + "\"x-extra\":[1,{\"a\":null}]}";
        Response response = (Response) read(json, stackTraceOf7);

        assertEquals(Map.of("x-extra", RawJson.parse("[1,{\"a\":null}]")), response.otherFields());
        assertEquals("{\"stackFrames\":[{\"id\":1,\"name\":\"m\",\"line\":3,\"column\":1}],\"totalFrames\":1}",
                response.body().toString());
        StackTraceResponse body = response.body().bind(StackTraceResponse.class);
        assertEquals(1, body.getStackFrames().length);
        assertEquals("m", body.getStackFrames()[0].getName());
    }

    @Test
    void aBodyThatDoesNotFitIsNotBoundAndItsBindFailsAsWithoutTheHint() throws Exception {
        String json = response(7, true, "stackTrace", "{\"stackFrames\":3,\"totalFrames\":1}");
        Response plain = (Response) read(json, null);
        Response hinted = (Response) read(json, stackTraceOf7);

        assertEquals(List.of("7 stackTrace"), asked);
        assertNull(hinted.body().peekBound());
        assertEquals(plain, hinted);
        IllegalArgumentException expected = assertThrows(IllegalArgumentException.class,
                () -> plain.body().bind(StackTraceResponse.class));
        IllegalArgumentException actual = assertThrows(IllegalArgumentException.class,
                () -> hinted.body().bind(StackTraceResponse.class));
        assertEquals(expected.getMessage(), actual.getMessage());
        assertTrue(actual.getMessage().contains("stackFrames"), actual.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"stackFrames\":[{\"id\":1,]}",
        "{\"stackFrames\":[{\"id\":1,\"name\":\"a\",\"line\":1,\"column\":1}],\"totalFrames\":01}",
        "{\"stackFrames\":[{\"id\":1,\"name\":\"a\\x\",\"line\":1,\"column\":1}]}",
        "{\"stackFrames\":[{\"id\":1,\"name\":\"a\",\"line\":1,\"column\":1}],\"totalFrames\":1",
        "{\"stackFrames\":[{\"id\":1,\"name\":\"a\",\"line\":1,\"column\":1}}",
        "{\"stackFrames\":[],\"totalFrames\":tru}",
        "[1,2,}",
    })
    void aMalformedBodyIsRejectedWithTheSameMessageAsWithoutTheHint(String body) {
        String json = response(7, true, "stackTrace", body);
        MalformedMessageException expected = assertThrows(MalformedMessageException.class, () -> read(json, null));
        MalformedMessageException actual = assertThrows(MalformedMessageException.class,
                () -> read(json, stackTraceOf7));
        assertEquals(expected.getMessage(), actual.getMessage());
        assertEquals(List.of("7 stackTrace"), asked, "the hint was asked, so the bind in place was tried");
    }

    /** Deep enough to pass in a body bound on its own, one level too deep inside the envelope. */
    @Test
    void aBodyNestedTooDeepIsRejectedAsWithoutTheHint() {
        int levels = Utf8JsonReader.MAX_DEPTH - 1;
        String deep = "[".repeat(levels) + "]".repeat(levels);
        String json = response(7, true, "stackTrace", "{\"stackFrames\":[],\"x\":" + deep + "}");
        MalformedMessageException expected = assertThrows(MalformedMessageException.class, () -> read(json, null));
        MalformedMessageException actual = assertThrows(MalformedMessageException.class,
                () -> read(json, stackTraceOf7));
        assertEquals(expected.getMessage(), actual.getMessage());
    }

    @Test
    void aBodyBeforeTheEnvelopeScalarsIsReadAsBeforeAndStillBinds() throws Exception {
        String body = "{\"stackFrames\":[{\"id\":1,\"name\":\"m\",\"line\":3,\"column\":1}],\"totalFrames\":1}";
        String json = "{\"seq\":12,\"type\":\"response\",\"body\":" + body
                + ",\"request_seq\":7,\"success\":true,\"command\":\"stackTrace\"}";
        Response response = (Response) read(json, stackTraceOf7);

        assertEquals(List.of(), asked);
        assertNull(response.body().peekBound());
        assertEquals(read(json, null), response);
        StackTraceResponse bound = response.body().bind(StackTraceResponse.class);
        assertEquals(1, bound.getTotalFrames());
        assertEquals("m", bound.getStackFrames()[0].getName());
    }

    @Test
    void aBodyBeforeTheTypeIsReadAsBefore() throws Exception {
        String json = "{\"seq\":12,\"request_seq\":7,\"success\":true,\"command\":\"stackTrace\","
                + "\"body\":{\"stackFrames\":[]},\"type\":\"response\"}";
        Response response = (Response) read(json, stackTraceOf7);

        assertEquals(List.of(), asked);
        assertNull(response.body().peekBound());
        assertEquals(0, response.body().bind(StackTraceResponse.class).getStackFrames().length);
    }

    @Test
    void aFailedResponseIsNotBound() throws Exception {
        String json = "{\"seq\":12,\"type\":\"response\",\"request_seq\":7,\"success\":false,\"command\":\"stackTrace\","
                + "\"message\":\"notStopped\",\"body\":{\"stackFrames\":[]}}";
        Response response = (Response) read(json, stackTraceOf7);

        assertEquals(List.of(), asked);
        assertNull(response.body().peekBound());
        assertEquals("notStopped", response.message());
    }

    @Test
    void eventsAndRequestsAreNotBound() throws Exception {
        Event event = (Event) read("{\"seq\":1,\"type\":\"event\",\"event\":\"stopped\",\"body\":{\"threadId\":1}}",
                stackTraceOf7);
        Request request = (Request) read("{\"seq\":2,\"type\":\"request\",\"command\":\"stackTrace\","
                + "\"arguments\":{\"threadId\":1},\"body\":{\"stackFrames\":[]}}", stackTraceOf7);

        assertEquals(List.of(), asked);
        assertNull(event.body().peekBound());
        assertNull(request.otherFields().get("body").peekBound());
    }

    @Test
    void aResponseTheHintDoesNotKnowIsNotBound() throws Exception {
        Response other = (Response) read(response(8, true, "stackTrace", "{\"stackFrames\":[]}"), stackTraceOf7);
        Response renamed = (Response) read(response(7, true, "threads", "{\"threads\":[]}"), stackTraceOf7);

        assertEquals(List.of("8 stackTrace", "7 threads"), asked);
        assertNull(other.body().peekBound());
        assertNull(renamed.body().peekBound());
    }

    @Test
    void onlyLsp4jModelTypesAreBoundWhileReading() throws Exception {
        String json = response(7, true, "stackTrace", "{\"stackFrames\":[]}");
        for (Type type : new Type[] {JsonNode.class, Map.class, Object.class, String.class}) {
            Response response = (Response) read(json, (requestSeq, command) -> type);
            assertNull(response.body().peekBound(), type.getTypeName());
        }
        Response arrays = (Response) read(response(7, true, "variables", "[{\"name\":\"a\",\"value\":\"1\"}]"),
                (requestSeq, command) -> Variable[].class);
        Variable[] variables = (Variable[]) arrays.body().peekBound();
        assertEquals("a", variables[0].getName());
        assertSame(variables, arrays.body().bind(Variable[].class));
    }

    @Test
    void aNullBodyIsNotKept() throws Exception {
        Response response = (Response) read(response(7, true, "stackTrace", "null"), stackTraceOf7);
        assertTrue(response.body().isNull());
        assertNull(response.body().peekBound());
        assertNull(response.body().bind(StackTraceResponse.class));
    }

    @Test
    void aHintThatThrowsIsReadAsWithoutIt() throws Exception {
        String json = written(trace(1));
        Response response = (Response) read(json, (requestSeq, command) -> {
            throw new IllegalStateException("broken hint");
        });
        assertNull(response.body().peekBound());
        assertEquals(read(json, null), response);
    }
}
