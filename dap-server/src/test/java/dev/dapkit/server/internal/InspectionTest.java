package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.body;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.RawJson;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.CompletionProvider;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.ExceptionInfoProvider;
import dev.dapkit.server.spi.ExpressionSetter;
import dev.dapkit.server.spi.FrameRestarter;
import dev.dapkit.server.spi.ModulesProvider;
import dev.dapkit.server.spi.Restartable;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariableContainer;
import dev.dapkit.server.spi.VariableSetter;
import java.util.List;
import org.eclipse.lsp4j.debug.CompletionItem;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ModulesResponse;
import org.junit.jupiter.api.Test;

/** The optional inspection requests, served through the engine's handles and translations. */
class InspectionTest {

    static class RichTarget extends FakeTarget implements Evaluator, VariableSetter, ExpressionSetter, CompletionProvider,
            ExceptionInfoProvider, ModulesProvider, Restartable, FrameRestarter {

        @Override
        public TargetVariable evaluate(TargetFrame frame, String expression, EvaluationContext context) {
            calls.add("evaluate " + expression + " " + context + " in " + (frame == null ? "global" : ((FakeFrame) frame).name()));
            return TargetVariable.structured("", "Point(1, 2)", "Point", new FakeContainer("point"));
        }

        @Override
        public TargetVariable setVariable(VariableContainer container, String name, String value) {
            calls.add("setVariable " + ((FakeContainer) container).name() + " " + name + "=" + value);
            return TargetVariable.leaf(name, value, "int");
        }

        @Override
        public TargetVariable setExpression(TargetFrame frame, String expression, String value) {
            calls.add("setExpression " + ((FakeFrame) frame).name() + " " + expression + "=" + value);
            return TargetVariable.leaf(expression, value, "int");
        }

        @Override
        public List<CompletionItem> completions(TargetFrame frame, String text, int column) {
            calls.add("completions " + text + " " + column);
            CompletionItem item = new CompletionItem();
            item.setLabel("print");
            item.setStart(1);
            return List.of(item);
        }

        @Override
        public ExceptionInfoResponse exceptionInfo(int threadId) {
            ExceptionInfoResponse r = new ExceptionInfoResponse();
            r.setExceptionId("ValueError");
            r.setDescription("bad value");
            return r;
        }

        @Override
        public ModulesResponse modules(int start, int count) {
            calls.add("modules " + start + " " + count);
            Module m = new Module();
            m.setId(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(1));
            m.setName("app");
            m.setPath("/remote/app/__init__.py");
            ModulesResponse r = new ModulesResponse();
            r.setModules(new Module[] {m});
            return r;
        }

        @Override
        public void restart(RawJson arguments) {
            calls.add("restart " + arguments);
        }

        @Override
        public boolean canRestart(TargetFrame frame) {
            return ((FakeFrame) frame).name().equals("run");
        }

        @Override
        public void restartFrame(TargetFrame frame) throws TargetException {
            calls.add("restartFrame " + ((FakeFrame) frame).name());
        }
    }

    @Test
    void evaluateAndSettersUseTheEnginesHandles() {
        try (Fixture f = Fixture.of(RichTarget::new)) {
            f.client.start("launch", json("{'pathMappings': [{'localRoot': '/home/me/app', 'remoteRoot': '/remote/app'}]}"));
            JsonNode frames = body(f.client.ok("stackTrace", json("{'threadId': 1}"))).path("stackFrames");
            assertTrue(frames.get(1).path("canRestart").asBoolean());
            assertEquals(false, frames.get(0).path("canRestart").asBoolean());
            int run = frames.get(1).path("id").asInt();

            JsonNode result = body(f.client.ok("evaluate", json("{'expression': 'p', 'frameId': " + run + ", 'context': 'hover'}")));
            assertEquals("Point(1, 2)", result.path("result").asText());
            int point = result.path("variablesReference").asInt();
            assertTrue(point > 0);
            f.client.ok("evaluate", json("{'expression': 'q', 'context': 'somethingNew'}"));

            JsonNode set = body(f.client.ok("setVariable", json("{'variablesReference': " + point + ", 'name': 'x', 'value': '5'}")));
            assertEquals("5", set.path("value").asText());
            f.client.ok("setExpression", json("{'expression': 'p.x', 'value': '7', 'frameId': " + run + "}"));

            RichTarget target = f.target();
            assertEquals(List.of("evaluate p HOVER in run", "evaluate q OTHER in global"), target.calls("evaluate"));
            assertEquals(List.of("setVariable point x=5"), target.calls("setVariable"));
            assertEquals(List.of("setExpression run p.x=7"), target.calls("setExpression"));

            f.client.ok("restartFrame", json("{'frameId': " + run + "}"));
            assertEquals(List.of("restartFrame run"), target.calls("restartFrame"));
            TestClient.assertError(EngineError.STALE_HANDLE.id(),
                    f.client.request("variables", json("{'variablesReference': " + point + "}")));
        }
    }

    @Test
    void completionsExceptionInfoModulesAndRestart() {
        try (Fixture f = Fixture.of(RichTarget::new)) {
            f.client.initialize(json("{'adapterID': 'x', 'columnsStartAt1': false}"));
            int launch = f.client.send("launch",
                    json("{'pathMappings': [{'localRoot': '/home/me/app', 'remoteRoot': '/remote/app'}]}"));
            f.client.ok("configurationDone", null);
            f.client.response(launch);

            JsonNode completions = body(f.client.ok("completions", json("{'text': 'pri', 'column': 3}")));
            assertEquals(0, completions.path("targets").get(0).path("start").asInt(), "0-based for this client");
            RichTarget target = f.target();
            assertEquals(List.of("completions pri 4"), target.calls("completions"));

            assertEquals("ValueError", body(f.client.ok("exceptionInfo", json("{'threadId': 1}"))).path("exceptionId").asText());

            JsonNode modules = body(f.client.ok("modules", json("{'startModule': 0, 'moduleCount': 10}"))).path("modules");
            assertEquals("/home/me/app/__init__.py", modules.get(0).path("path").asText());
            assertEquals(List.of("modules 0 10"), target.calls("modules"));

            f.client.ok("restart", json("{'arguments': {'program': 'main.py', 'port': 5005}}"));
            assertEquals(List.of("restart {\"program\":\"main.py\",\"port\":5005}"), target.calls("restart"));
        }
    }

    @Test
    void terminateAsksTheTarget() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            f.client.ok("terminate", null);
            FakeTarget target = f.target();
            assertEquals(List.of("terminate"), target.calls("terminate"));
        }
    }
}
