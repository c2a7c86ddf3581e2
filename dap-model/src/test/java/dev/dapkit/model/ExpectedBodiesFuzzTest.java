package dev.dapkit.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dapkit.model.json.JsonMutations;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized differential test: successful responses, mutated at random (fixed seeds), read with
 * and without {@link ExpectedBodies}. Both reads must end alike (the same message, or the same
 * error), with the same body bytes, and binding the body must give an equal value or the same error.
 */
class ExpectedBodiesFuzzTest {

    private static final int CASES_PER_SEED = 5_000;
    /** What a client would name for each sample's command, whatever its request_seq. */
    private static final ExpectedBodies BY_COMMAND = (requestSeq, command) -> switch (command) {
        case "stackTrace" -> StackTraceResponse.class;
        case "scopes" -> ScopesResponse.class;
        case "variables" -> VariablesResponse.class;
        default -> null;
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void readingWithTheHintEndsAsReadingWithout(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> samples = samples();
        int prebound = 0;
        int rejected = 0;
        int unfit = 0;
        for (int i = 0; i < CASES_PER_SEED; i++) {
            String text = JsonMutations.mutate(samples.get(random.nextInt(samples.size())), random);
            String where = "seed " + seed + ", case " + i + ": " + text;
            byte[] utf8 = text.getBytes(UTF_8);
            Object plain = readOrError(utf8, null);
            Object hinted = readOrError(utf8, BY_COMMAND);
            if (plain instanceof String plainError) {
                assertEquals(plainError, hinted, where);
                rejected++;
                continue;
            }
            if (hinted instanceof String hintedError) {
                fail("rejected only with the hint, " + where + "\n  " + hintedError);
            }
            assertEquals(plain, hinted, where);
            if (!(plain instanceof Response plainResponse) || plainResponse.body() == null) {
                continue;
            }
            Response hintedResponse = (Response) hinted;
            assertArrayEquals(plainResponse.body().toByteArray(), hintedResponse.body().toByteArray(), where);
            prebound += hintedResponse.body().peekBound() != null ? 1 : 0;
            Class<?> type = (Class<?>) BY_COMMAND.successBody(0, plainResponse.command());
            if (type == null) {
                continue;
            }
            Object expected = bindOrError(plainResponse.body(), type);
            assertEquals(expected, bindOrError(hintedResponse.body(), type), where);
            unfit += expected instanceof String ? 1 : 0;
        }
        assertTrue(prebound > CASES_PER_SEED / 25 && rejected > CASES_PER_SEED / 10 && unfit > 10,
                "prebound " + prebound + ", rejected " + rejected + ", did not fit " + unfit);
    }

    /** The message, or the text of the error that reading it raised. */
    private static Object readOrError(byte[] utf8, ExpectedBodies expected) {
        try {
            return DapJson.standard().readMessage(utf8, 0, utf8.length, expected);
        } catch (MalformedMessageException e) {
            return e.getMessage();
        }
    }

    private static Object bindOrError(RawJson body, Class<?> type) {
        try {
            return Objects.requireNonNullElse(body.bind(type), "null");
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    private static List<String> samples() throws Exception {
        Source source = new Source();
        source.setName("Main.java");
        source.setPath("/src/Main.java");
        StackFrame frame = new StackFrame();
        frame.setId(1);
        frame.setName("main \u4e2d\u6587 \ud83d\ude00");
        frame.setLine(12);
        frame.setColumn(1);
        frame.setSource(source);
        frame.setPresentationHint(StackFramePresentationHint.SUBTLE);
        StackTraceResponse trace = new StackTraceResponse();
        trace.setStackFrames(new StackFrame[] {frame, frame});
        trace.setTotalFrames(2);
        Scope scope = new Scope();
        scope.setName("Locals");
        scope.setVariablesReference(5);
        scope.setExpensive(false);
        ScopesResponse scopes = new ScopesResponse();
        scopes.setScopes(new Scope[] {scope});
        Variable variable = new Variable();
        variable.setName("count");
        variable.setValue("3");
        variable.setType("int");
        variable.setVariablesReference(0);
        VariablesResponse variables = new VariablesResponse();
        variables.setVariables(new Variable[] {variable, variable});
        return List.of(write("stackTrace", trace), write("scopes", scopes), write("variables", variables),
                write("threads", RawJson.parse("{\"threads\":[{\"id\":1,\"name\":\"main\"}]}")));
    }

    private static String write(String command, Object body) throws Exception {
        Request request = new Request(7, command, null, Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DapJson.standard().writeMessage(Response.success(request, body).withSeq(8), out);
        return out.toString(UTF_8);
    }
}
