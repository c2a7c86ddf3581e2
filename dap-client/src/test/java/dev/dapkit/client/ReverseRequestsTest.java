package dev.dapkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.DapError;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArgumentsType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Requests the adapter sends to the client: runInTerminal, startDebugging, custom ones, and none. */
class ReverseRequestsTest {

    @TempDir
    Path dir;

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theDefaultRunInTerminalStartsTheProcessWithArgsCwdAndEnv() throws Exception {
        Path out = dir.resolve("out.txt");
        try (ClientFixture f = ClientFixture.start(b -> b.runInTerminal(RunInTerminalHandler.startProcess()))) {
            // Raw JSON: an LSP4J bean written by the standard mapper would drop the null (as LSP4J's Gson does).
            String script = "echo \\\"added=$DAPKIT_ADDED home=${HOME-removed} arg=$1\\\" > out.txt; pwd >> out.txt";
            int seq = f.adapter.reverseRequest("runInTerminal", RawJson.parse("{\"kind\": \"integrated\", \"cwd\": \""
                    + dir + "\", \"args\": [\"/bin/sh\", \"-c\", \"" + script + "\", \"sh\", \"one two\"],"
                    + " \"env\": {\"DAPKIT_ADDED\": \"added value\", \"HOME\": null}}"));

            Response response = f.adapter.expectResponse();
            assertEquals(seq, response.requestSeq());
            assertTrue(response.success(), () -> "failed: " + response);
            int pid = response.body(RunInTerminalResponse.class).getProcessId();
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                process.get().onExit().get(10, TimeUnit.SECONDS);
            }
            List<String> lines = Files.readAllLines(out);
            assertEquals("added=added value home=removed arg=one two", lines.get(0));
            assertEquals(dir.toRealPath().toString(), Path.of(lines.get(1)).toRealPath().toString());
        }
    }

    @Test
    void aCommandThatCannotStartIsAnErrorResponse() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b.runInTerminal(RunInTerminalHandler.startProcess()))) {
            RunInTerminalRequestArguments arguments = new RunInTerminalRequestArguments();
            arguments.setArgs(new String[] {dir.resolve("no-such-program").toString()});
            f.adapter.reverseRequest("runInTerminal", arguments);
            Response response = f.adapter.expectResponse();
            assertFalse(response.success());
            JsonNode error = response.body().tree().get("error");
            assertEquals(1002, error.get("id").asInt());
            assertTrue(response.message().startsWith("The client could not handle 'runInTerminal': "),
                    response.message());
            assertTrue(response.message().contains("no-such-program"), response.message());
        }
    }

    @Test
    void startDebuggingHandsTheChildConfigurationToTheCallbackUntouched() throws Exception {
        CompletableFuture<StartDebuggingRequestArguments> seen = new CompletableFuture<>();
        try (ClientFixture f = ClientFixture.start(b -> b.startDebugging(arguments -> {
            seen.complete(arguments);
            return CompletableFuture.completedFuture(null);
        }))) {
            f.adapter.reverseRequest("startDebugging", RawJson.parse(
                    "{\"request\": \"attach\", \"configuration\": {\"port\": 5005, \"subProcessId\": 77}}"));
            Response response = f.adapter.expectResponse();
            assertTrue(response.success());
            StartDebuggingRequestArguments arguments = seen.get(10, TimeUnit.SECONDS);
            assertEquals(StartDebuggingRequestArgumentsType.ATTACH, arguments.getRequest());
            assertEquals(5005, arguments.getConfiguration().get("port"));
            assertEquals(Integer.class, arguments.getConfiguration().get("port").getClass());
        }
    }

    @Test
    void customHandlersAnswerWithTheirBodyOrTheirDapError() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b
                .reverseRequestHandler("pickColor", request -> CompletableFuture.completedFuture(Map.of("color", "blue")))
                .reverseRequestHandler("refuse", request -> {
                    throw new DapErrorException(DapError.of(4711, "Refused by {who}", Map.of("who", "policy")));
                }))) {
            f.adapter.reverseRequest("pickColor", null);
            Response picked = f.adapter.expectResponse();
            assertTrue(picked.success());
            assertEquals("{\"color\":\"blue\"}", picked.body().toString());

            f.adapter.reverseRequest("refuse", Map.of());
            Response refused = f.adapter.expectResponse();
            assertFalse(refused.success());
            assertEquals("Refused by policy", refused.message());
            assertEquals(4711, refused.body().tree().get("error").get("id").asInt());
            assertEquals("policy", refused.body().tree().get("error").get("variables").get("who").asText());
        }
    }

    @Test
    void aReverseRequestWithoutHandlerGetsAnErrorResponse() throws Exception {
        try (ClientFixture f = ClientFixture.start()) {
            int seq = f.adapter.reverseRequest("runInTerminal", new RunInTerminalRequestArguments());
            Response response = f.adapter.expectResponse();
            assertEquals(seq, response.requestSeq());
            assertEquals("runInTerminal", response.command());
            assertFalse(response.success());
            assertEquals("The client does not handle the reverse request 'runInTerminal'.", response.message());
            JsonNode error = response.body().tree().get("error");
            assertEquals(1001, error.get("id").asInt());
            assertEquals("runInTerminal", error.get("variables").get("_command").asText());
            assertEquals(1, response.seq(), "responses to reverse requests take the client's seq");
        }
    }

    @Test
    void aHandlerThatFailsItsStageIsAnErrorResponse() throws Exception {
        try (ClientFixture f = ClientFixture.start(b -> b.reverseRequestHandler("broken",
                request -> CompletableFuture.failedFuture(new IllegalStateException("disk full"))))) {
            f.adapter.reverseRequest("broken", null);
            Response response = f.adapter.expectResponse();
            assertFalse(response.success());
            assertEquals("The client could not handle 'broken': disk full", response.message());
            assertInstanceOf(JsonNode.class, response.body().tree().get("error"));
        }
    }
}
