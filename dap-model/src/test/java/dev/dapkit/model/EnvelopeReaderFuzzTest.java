package dev.dapkit.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dapkit.model.json.JsonMutations;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized differential test of the envelope reader: DAP messages mutated at random (fixed seeds)
 * must be rejected as "not valid JSON" exactly when Jackson's strict parser rejects them, and when
 * they are read, every field's raw slice must be the value Jackson sees.
 */
class EnvelopeReaderFuzzTest {

    private static final int CASES_PER_SEED = 5_000;
    /**
     * A plain tree reader that rejects trailing tokens, as the envelope reader does. Duplicate keys
     * are fine in JSON; only a duplicate at the top level is a broken envelope, which the reader
     * reports as soon as it sees it, before the rest is checked.
     */
    private static final ObjectReader TREES = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void envelopeReaderAndJacksonAgreeOnMutatedMessages(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> messages = samples();
        int read = 0;
        int notJson = 0;
        for (int i = 0; i < CASES_PER_SEED; i++) {
            String text = JsonMutations.mutate(messages.get(random.nextInt(messages.size())), random);
            Outcome outcome = compare(text, "seed " + seed + ", case " + i);
            read += outcome == Outcome.READ ? 1 : 0;
            notJson += outcome == Outcome.NOT_JSON ? 1 : 0;
        }
        assertTrue(read > CASES_PER_SEED / 20 && notJson > CASES_PER_SEED / 10, "read " + read + ", not JSON " + notJson);
    }

    private enum Outcome { READ, NOT_JSON, OTHER }

    private static Outcome compare(String text, String where) {
        byte[] utf8 = text.getBytes(UTF_8);
        JsonNode tree;
        try {
            tree = TREES.readTree(utf8);
        } catch (Exception e) {
            tree = null;
        }
        DapMessage message;
        try {
            message = DapJson.standard().readMessage(utf8, 0, utf8.length);
        } catch (MalformedMessageException e) {
            String reason = e.getMessage();
            boolean syntax = reason.startsWith("message is not valid JSON");
            // these are found before the rest of the text is looked at, so Jackson may fail either way
            boolean early = reason.contains("twice") || reason.startsWith("message is not a JSON object")
                    || reason.startsWith("message has content after");
            if (syntax && tree != null) {
                fail("we reject what Jackson reads, " + where + ": " + text + "\n  " + reason);
            }
            if (!syntax && !early && tree == null) {
                fail("Jackson rejects what we read as JSON, " + where + ": " + text + "\n  we say: " + reason);
            }
            return syntax ? Outcome.NOT_JSON : Outcome.OTHER;
        }
        if (tree == null) {
            fail("Jackson rejects a message we read, " + where + ": " + text);
        }
        assertSlicesMatch(message, tree, where + ": " + text);
        return Outcome.READ;
    }

    private static void assertSlicesMatch(DapMessage message, JsonNode tree, String where) {
        RawJson payload = message instanceof Request r ? r.arguments()
                : message instanceof Response r ? r.body() : ((Event) message).body();
        String payloadName = message instanceof Request ? "arguments" : "body";
        assertEquals(tree.get(payloadName), payload == null ? null : treeOf(payload), where);
        for (Map.Entry<String, RawJson> field : message.otherFields().entrySet()) {
            assertEquals(tree.get(field.getKey()), treeOf(field.getValue()), field.getKey() + " of " + where);
        }
        assertEquals(tree.get("seq").intValue(), message.seq(), where);
    }

    private static JsonNode treeOf(RawJson raw) {
        try {
            return TREES.readTree(raw.toByteArray());
        } catch (Exception e) {
            throw new AssertionError("a slice is not JSON: " + raw, e);
        }
    }

    private static List<String> samples() throws Exception {
        StackFrame frame = new StackFrame();
        frame.setId(1);
        frame.setName("main \u4e2d\u6587 \ud83d\ude00");
        Source source = new Source();
        source.setPath("/src/a.py");
        frame.setSource(source);
        StackTraceResponse trace = new StackTraceResponse();
        trace.setStackFrames(new StackFrame[] {frame, frame});
        Request request = new Request(7, "launch", RawJson.parse("{\"program\":\"a.py\",\"args\":[\"-v\",1.5],"
                + "\"env\":{\"A\":null}}"), Map.of("x-extra", RawJson.parse("[true,{\"k\":\"v\"}]")));
        return List.of(write(request), write(Response.success(request, trace).withSeq(8)),
                write(Response.failure(request, "no \"way\"", null).withSeq(9)),
                write(Event.of("output", RawJson.parse("{\"category\":\"stdout\",\"output\":\"hi\\n\"}")).withSeq(10)));
    }

    private static String write(DapMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DapJson.standard().writeMessage(message, out);
        return out.toString(UTF_8);
    }
}
