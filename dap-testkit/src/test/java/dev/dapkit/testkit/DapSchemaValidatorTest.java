package dev.dapkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.DapJson;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DapSchemaValidatorTest {

    private final DapSchemaValidator validator = DapSchemaValidator.standard();

    /** Parses wire JSON into a message, as a transport would hand it over. */
    private static DapMessage read(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return DapJson.standard().readMessage(bytes, 0, bytes.length);
    }

    private static String violationsOf(SchemaValidationResult result) {
        StringBuilder text = new StringBuilder();
        for (SchemaViolation v : result.violations()) {
            text.append(v).append('\n');
        }
        return text.toString();
    }

    private static void assertRejectedAt(SchemaValidationResult result, String path, String mentioned) {
        assertFalse(result.isValid(), () -> "expected a violation for " + result.subject());
        assertTrue(result.violations().stream()
                        .anyMatch(v -> v.path().equals(path) && v.message().contains(mentioned)),
                () -> "no violation at " + path + " mentioning '" + mentioned + "' among:\n" + violationsOf(result));
    }

    @Nested
    class AcceptsRealMessages {

        @Test
        void initializeRequestAsVsCodeSendsIt() throws Exception {
            DapMessage request = read("""
                    {"command":"initialize","arguments":{"clientID":"vscode","clientName":"Visual Studio Code",
                    "adapterID":"python","pathFormat":"path","linesStartAt1":true,"columnsStartAt1":true,
                    "supportsVariableType":true,"supportsVariablePaging":true,"supportsRunInTerminalRequest":true,
                    "locale":"en","supportsProgressReporting":true,"supportsInvalidatedEvent":true,
                    "supportsMemoryReferences":true,"supportsArgsCanBeInterpretedByShell":true,
                    "supportsMemoryEvent":true,"supportsStartDebuggingRequest":true,"supportsANSIStyling":true},
                    "type":"request","seq":1}""");

            SchemaValidationResult result = validator.validate(request);

            assertTrue(result.isValid(), () -> violationsOf(result));
            assertEquals("InitializeRequest", result.definition());
            assertEquals("request 'initialize' (seq 1)", result.subject());
        }

        @Test
        void initializeResponseWithCapabilities() {
            Capabilities capabilities = new Capabilities();
            capabilities.setSupportsConfigurationDoneRequest(true);
            capabilities.setSupportsConditionalBreakpoints(true);
            capabilities.setSupportsEvaluateForHovers(true);
            ExceptionBreakpointsFilter uncaught = new ExceptionBreakpointsFilter();
            uncaught.setFilter("uncaught");
            uncaught.setLabel("Uncaught Exceptions");
            uncaught.setDefault_(true);
            capabilities.setExceptionBreakpointFilters(new ExceptionBreakpointsFilter[] {uncaught});
            Request initialize = new Request(1, "initialize", RawJson.parse("{\"adapterID\":\"jvm\"}"), Map.of());

            SchemaValidationResult result = validator.validate(Response.success(initialize, capabilities).withSeq(1));

            assertTrue(result.isValid(), () -> violationsOf(result));
            assertEquals("InitializeResponse", result.definition());
        }

        @Test
        void stackTraceRequestAndResponseWithFramesAndTotalFrames() {
            StackTraceArguments arguments = new StackTraceArguments();
            arguments.setThreadId(1);
            arguments.setStartFrame(0);
            arguments.setLevels(20);
            Request request = Request.of("stackTrace", arguments).withSeq(7);
            Source source = new Source();
            source.setName("Main.java");
            source.setPath("/home/dev/src/Main.java");
            StackFrame top = new StackFrame();
            top.setId(1000);
            top.setName("Main.run()");
            top.setSource(source);
            top.setLine(42);
            top.setColumn(9);
            StackFrame caller = new StackFrame();
            caller.setId(1001);
            caller.setName("Main.main(String[])");
            caller.setLine(12);
            caller.setColumn(1);
            StackTraceResponse body = new StackTraceResponse();
            body.setStackFrames(new StackFrame[] {top, caller});
            body.setTotalFrames(2);

            SchemaValidationResult requestResult = validator.validate(request);
            SchemaValidationResult responseResult = validator.validate(Response.success(request, body).withSeq(9));

            assertTrue(requestResult.isValid(), () -> violationsOf(requestResult));
            assertEquals("StackTraceRequest", requestResult.definition());
            assertTrue(responseResult.isValid(), () -> violationsOf(responseResult));
            assertEquals("StackTraceResponse", responseResult.definition());
            assertEquals("response to 'stackTrace' (seq 9, request_seq 7)", responseResult.subject());
        }

        @Test
        void stoppedEvent() {
            StoppedEventArguments body = new StoppedEventArguments();
            body.setReason("breakpoint");
            body.setThreadId(1);
            body.setAllThreadsStopped(true);
            body.setHitBreakpointIds(new Integer[] {3});

            SchemaValidationResult result = validator.validate(Event.of("stopped", body).withSeq(12));

            assertTrue(result.isValid(), () -> violationsOf(result));
            assertEquals("StoppedEvent", result.definition());
        }

        @Test
        void outputEvent() {
            OutputEventArguments body = new OutputEventArguments();
            body.setCategory("stdout");
            body.setOutput("Hello, world\n");

            SchemaValidationResult result = validator.validate(Event.of("output", body).withSeq(4));

            assertTrue(result.isValid(), () -> violationsOf(result));
            assertEquals("OutputEvent", result.definition());
        }

        @Test
        void launchRequestWithAdapterSpecificKeys() throws Exception {
            DapMessage launch = read("""
                    {"seq":3,"type":"request","command":"launch","arguments":{"type":"java","request":"launch",
                    "name":"Run Main","mainClass":"com.example.Main","classPaths":["target/classes"],
                    "vmArgs":"-Xmx512m","debugPort":5005,"env":{"LANG":"C"},"__sessionId":"a1b2","noDebug":false}}""");

            SchemaValidationResult result = validator.validate(launch);

            assertTrue(result.isValid(), () -> violationsOf(result));
            assertEquals("LaunchRequest", result.definition());
        }

        @Test
        void errorResponseWithAStructuredError() {
            Request evaluate = new Request(5, "evaluate", RawJson.parse("{\"expression\":\"x +\"}"), Map.of());
            Map<String, Object> body = Map.of("error", Map.of(
                    "id", 2001, "format", "Cannot evaluate '{expression}': {reason}",
                    "variables", Map.of("expression", "x +", "reason", "unexpected end"), "showUser", true));

            SchemaValidationResult result = validator.validate(
                    Response.failure(evaluate, "cannot evaluate", body).withSeq(6));

            assertTrue(result.isValid(), () -> violationsOf(result));
            assertEquals("ErrorResponse", result.definition());
            assertEquals("failed response to 'evaluate' (seq 6, request_seq 5)", result.subject());
        }

        @Test
        void cancelledResponseWithoutBodyIsAPlainResponse() {
            Request stackTrace = new Request(5, "stackTrace", RawJson.parse("{\"threadId\":1}"), Map.of());

            SchemaValidationResult result = validator.validate(
                    Response.failure(stackTrace, "cancelled", null).withSeq(6));

            assertTrue(result.isValid(), () -> violationsOf(result));
            assertEquals("Response", result.definition(), "a failed response is not held to StackTraceResponse");
        }

        @Test
        void reverseRequestIsCheckedAgainstItsOwnDefinition() {
            Request runInTerminal = Request.of("runInTerminal",
                    Map.of("kind", "integrated", "cwd", "/tmp", "args", List.of("java", "Main"))).withSeq(2);

            SchemaValidationResult result = validator.validate(runInTerminal);

            assertTrue(result.isValid(), () -> violationsOf(result));
            assertEquals("RunInTerminalRequest", result.definition());
        }

        @Test
        void customCommandAndEventAreCheckedAgainstTheBaseDefinitions() {
            Request custom = Request.of("dapkit/flashFirmware", Map.of("port", "/dev/ttyUSB0")).withSeq(10);
            Event customEvent = Event.of("dapkit/boardReset", Map.of("cause", "watchdog")).withSeq(11);
            Response customResponse = Response.success(custom, Map.of("bytes", 4096)).withSeq(12);

            SchemaValidationResult request = validator.validate(custom);
            SchemaValidationResult event = validator.validate(customEvent);
            SchemaValidationResult response = validator.validate(customResponse);

            assertTrue(request.isValid(), () -> violationsOf(request));
            assertEquals("Request", request.definition());
            assertTrue(event.isValid(), () -> violationsOf(event));
            assertEquals("Event", event.definition());
            assertTrue(response.isValid(), () -> violationsOf(response));
            assertEquals("Response", response.definition());
        }

        @Test
        void assertValidPassesQuietly() {
            validator.assertValid(Event.of("initialized", null).withSeq(2));
            validator.assertValid("{\"seq\":1,\"type\":\"request\",\"command\":\"threads\"}");
        }
    }

    @Nested
    class RejectsBrokenMessages {

        @Test
        void missingSeq() {
            SchemaValidationResult result = validator.validate("{\"type\":\"request\",\"command\":\"threads\"}");

            assertRejectedAt(result, "$", "seq");
            assertEquals("request 'threads' (seq missing)", result.subject());
        }

        @Test
        void seqNotYetStamped() {
            SchemaValidationResult result = validator.validate(Request.of("threads", null));

            assertRejectedAt(result, "$.seq", "1");
        }

        @Test
        void stackFrameLineAsAString() throws Exception {
            DapMessage response = read("""
                    {"seq":9,"type":"response","request_seq":7,"success":true,"command":"stackTrace",
                    "body":{"stackFrames":[{"id":1000,"name":"Main.run()","line":"42","column":9}],"totalFrames":1}}""");

            SchemaValidationResult result = validator.validate(response);

            assertRejectedAt(result, "$.body.stackFrames[0].line", "line");
            assertEquals("StackTraceResponse", result.definition());
        }

        @Test
        void unknownType() {
            SchemaValidationResult result = validator.validate(
                    "{\"seq\":1,\"type\":\"notification\",\"command\":\"threads\"}");

            assertRejectedAt(result, "$.type", "type");
            assertEquals("ProtocolMessage", result.definition());
            assertEquals("message of type \"notification\" (seq 1)", result.subject());
        }

        @Test
        void stoppedEventWithoutReason() {
            SchemaValidationResult result = validator.validate(
                    Event.of("stopped", Map.of("threadId", 1)).withSeq(5));

            assertRejectedAt(result, "$.body", "reason");
        }

        @Test
        void setBreakpointsRequestWithoutSource() {
            SchemaValidationResult result = validator.validate(Request.of("setBreakpoints",
                    Map.of("breakpoints", List.of(Map.of("line", 3)))).withSeq(4));

            assertRejectedAt(result, "$.arguments", "source");
            assertEquals("SetBreakpointsRequest", result.definition());
        }

        @Test
        void errorResponseWhoseErrorLacksFormat() {
            Request evaluate = new Request(5, "evaluate", RawJson.parse("{\"expression\":\"x\"}"), Map.of());

            SchemaValidationResult result = validator.validate(Response.failure(evaluate, "failed",
                    Map.of("error", Map.of("id", 7))).withSeq(6));

            assertRejectedAt(result, "$.body.error", "format");
        }

        @Test
        void seqBeyondInt32() {
            SchemaValidationResult result = validator.validate(
                    "{\"seq\":3000000000,\"type\":\"event\",\"event\":\"stopped\",\"body\":{\"reason\":\"step\"}}");

            assertRejectedAt(result, "$.seq", "int32");
        }

        @Test
        void negativeTotalFrames() throws Exception {
            DapMessage response = read("""
                    {"seq":9,"type":"response","request_seq":7,"success":true,"command":"stackTrace",
                    "body":{"stackFrames":[],"totalFrames":-1}}""");

            assertRejectedAt(validator.validate(response), "$.body.totalFrames", "uint32");
        }

        @Test
        void customRequestStillNeedsTheBaseShape() {
            SchemaValidationResult result = validator.validate(
                    "{\"seq\":2,\"type\":\"request\",\"command\":17}");

            assertRejectedAt(result, "$.command", "command");
            assertEquals("Request", result.definition());
        }

        @Test
        void textThatIsNotJson() {
            SchemaValidationResult result = validator.validate("{\"seq\":1,\"type\":");

            assertRejectedAt(result, "$", "not valid JSON");
            assertEquals("json", result.violations().get(0).keyword());
        }

        @Test
        void arrayInsteadOfAMessage() {
            SchemaValidationResult result = validator.validate("[1, 2]");

            assertRejectedAt(result, "$", "object");
        }

        @Test
        void assertValidListsEveryViolationWithTheCommandAndPath() {
            String broken = "{\"seq\":0,\"type\":\"request\",\"command\":\"setBreakpoints\","
                    + "\"arguments\":{\"breakpoints\":[{\"line\":\"three\"}]}}";

            AssertionError error = assertThrows(AssertionError.class, () -> validator.assertValid(broken));

            String text = error.getMessage();
            assertTrue(text.startsWith("request 'setBreakpoints' (seq 0) does not match SetBreakpointsRequest"), text);
            assertTrue(text.contains("$.seq"), text);
            assertTrue(text.contains("$.arguments") && text.contains("source"), text);
            assertTrue(text.contains("$.arguments.breakpoints[0].line"), text);
            assertTrue(text.contains("(3 violations)"), text);
        }

        @Test
        void violationTextNamesTheMessage() {
            SchemaValidationResult result = validator.validate(
                    Event.of("stopped", Map.of("threadId", 1)).withSeq(5));

            assertEquals(1, result.violations().size(), () -> violationsOf(result));
            SchemaViolation violation = result.violations().get(0);
            assertEquals("required", violation.keyword());
            assertTrue(violation.toString().startsWith("event 'stopped' (seq 5) does not match StoppedEvent: $.body"),
                    violation.toString());
        }
    }

    @Test
    void givesTheSameAnswersFromManyThreads() throws Exception {
        List<DapMessage> messages = List.of(
                Event.of("stopped", Map.of("reason", "step", "threadId", 1)).withSeq(3),
                Event.of("stopped", Map.of("threadId", 1)).withSeq(3),
                Request.of("scopes", Map.of("frameId", 1000)).withSeq(4),
                Request.of("variables", Map.of("variablesReference", "x")).withSeq(5),
                Event.of("thread", Map.of("reason", "started", "threadId", 2)).withSeq(6));
        List<Boolean> expected = List.of(true, false, true, false, true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Boolean>>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    List<Boolean> answers = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        for (DapMessage m : messages) {
                            answers.add(validator.validate(m).isValid());
                        }
                    }
                    return answers;
                });
            }
            for (Future<List<Boolean>> answers : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                List<Boolean> got = answers.get();
                for (int i = 0; i < got.size(); i++) {
                    assertEquals(expected.get(i % expected.size()), got.get(i), "message " + (i % expected.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
