package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import java.util.List;

import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetExpressionArguments;
import org.eclipse.lsp4j.debug.SetExpressionResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;

/** Java expressions through the engine: evaluate, hover without side effects, setExpression, conditions, logpoints. */
class JvmEvaluateTest {

    private static final int CALL = Samples.line("Canonical", "CALL");

    @Test
    void theEngineAdvertisesWhatTheEvaluatorGivesIt() {
        try (ServedJvm jvm = ServedJvm.open()) {
            Capabilities capabilities = jvm.initialize(false);
            assertTrue(capabilities.getSupportsConditionalBreakpoints());
            assertTrue(capabilities.getSupportsLogPoints());
            assertTrue(capabilities.getSupportsEvaluateForHovers());
            assertTrue(capabilities.getSupportsSetExpression());
        }
    }

    @Test
    void aConditionStopsOnlyWhereItHoldsAndExpressionsComputeInTheFrame() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.start("launch", Samples.launch("Canonical"), () -> breakpoint(jvm, "i == 3", null));
            StoppedEventArguments stop = jvm.stopped();
            int frame = jvm.top(stop.getThreadId()).getId();
            assertEquals("3", jvm.locals(stop.getThreadId()).get("i").getValue(), "stopped where i == 3 only");
            assertEquals("4", evaluate(jvm, frame, "total + 1", "watch").getResult(), "total is 0+0+1+2 at i == 3");
            assertEquals("3", evaluate(jvm, frame, "add(1, 2)", "repl").getResult(), "the repl runs methods");

            EvaluateResponse items = evaluate(jvm, frame, "items", "watch");
            assertTrue(items.getVariablesReference() > 0, "an array result expands like a variable");
            List<String> elements = jvm.variables(items.getVariablesReference()).values().stream()
                    .map(Variable::getValue).sorted().toList();
            assertEquals(List.of("10", "20", "30"), elements);

            Response hover = evaluateResponse(jvm, frame, "add(1, 2)", "hover");
            assertFalse(hover.success(), "hover must not run code");
            assertTrue(hover.message().contains("hover does not run code"), hover.message());
            assertEquals("3", evaluate(jvm, frame, "total", "hover").getResult(), "hover reads locals");

            Response unknown = evaluateResponse(jvm, frame, "nosuchname + 1", "repl");
            assertFalse(unknown.success());
            assertTrue(unknown.message().contains("nosuchname"), unknown.message());

            SetExpressionArguments set = new SetExpressionArguments();
            set.setFrameId(frame);
            set.setExpression("total");
            set.setValue("100");
            assertEquals("100", jvm.request("setExpression", set, SetExpressionResponse.class).getValue());
            jvm.resume(stop.getThreadId());
            assertEquals(0, jvm.awaitExit());
            assertTrue(jvm.output("stdout").contains("total 107"), "100 + 3 + 4, and no further stop: "
                    + jvm.output("stdout"));
        }
    }

    @Test
    void aLogpointPrintsTheFrameValuesOnEveryHitAndNeverStops() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.start("launch", Samples.launch("Canonical"), () -> breakpoint(jvm, null, "total is {total}"));
            assertEquals(0, jvm.awaitExit());
            jvm.awaitOutput("console", "total is 6");
            String console = jvm.output("console");
            for (String line : List.of("total is 0\n", "total is 1\n", "total is 3\n", "total is 6\n")) {
                assertTrue(console.contains(line), line + " in " + console);
            }
            assertEquals(0, jvm.count("stopped"), "a logpoint never stops");
        }
    }

    private static void breakpoint(ServedJvm jvm, String condition, String logMessage) {
        SetBreakpointsArguments arguments = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(Samples.path("Canonical"));
        arguments.setSource(source);
        SourceBreakpoint b = new SourceBreakpoint();
        b.setLine(CALL);
        b.setCondition(condition);
        b.setLogMessage(logMessage);
        arguments.setBreakpoints(new SourceBreakpoint[] {b});
        jvm.request("setBreakpoints", arguments, SetBreakpointsResponse.class);
    }

    private static EvaluateArguments arguments(int frame, String expression, String context) {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setFrameId(frame);
        arguments.setExpression(expression);
        arguments.setContext(context);
        return arguments;
    }

    private static EvaluateResponse evaluate(ServedJvm jvm, int frame, String expression, String context) {
        return jvm.request("evaluate", arguments(frame, expression, context), EvaluateResponse.class);
    }

    private static Response evaluateResponse(ServedJvm jvm, int frame, String expression, String context) {
        return jvm.requestResponse("evaluate", arguments(frame, expression, context));
    }
}
