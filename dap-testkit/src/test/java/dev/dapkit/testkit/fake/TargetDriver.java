package dev.dapkit.testkit.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.StepOptions;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.TargetScope;
import dev.dapkit.server.spi.TargetProvider;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariableContainer;
import dev.dapkit.server.spi.VariablesPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;

/**
 * Drives a {@link FakeTarget} through the SPI as the engine would, with a recording context; the
 * engine's chores (breakpoint ids) are done here. Not thread-safe: one test thread.
 */
final class TargetDriver implements AutoCloseable {

    static final String MAIN = "/remote/app/main.fake";

    /** The canonical program of the conformance suite. */
    static final String CANONICAL = String.join("\n",
            "def add(a, b):",               // 1
            "    return a + b",             // 2
            "",                             // 3
            "total = 0",                    // 4
            "for i in range(5):",           // 5
            "    total = add(total, i)",    // 6
            "print(\"total\", total)",      // 7
            "exit(0)");                     // 8

    final RecordingTargetContext context = new RecordingTargetContext();
    final FakeTarget target;
    private int nextBreakpointId = 1;

    TargetDriver(TargetProvider provider) {
        target = (FakeTarget) provider.create(context);
    }

    /** A driver whose target launches {@code program} as {@link #MAIN}. */
    static TargetDriver forProgram(String program) {
        return new TargetDriver(new FakeTargetProvider(FakeSources.of(MAIN, program)));
    }

    TargetDriver launch(boolean stopOnEntry) throws TargetException {
        target.launch(RawJson.from(Map.of("program", MAIN, "stopOnEntry", stopOnEntry)));
        return this;
    }

    /** Sets line breakpoints in {@code path} with fresh ids; returns them as the target answered (ids filled in). */
    List<Breakpoint> breakpoints(String path, int... lines) throws TargetException {
        List<LineBreakpoint> wanted = new ArrayList<>();
        for (int line : lines) {
            wanted.add(LineBreakpoint.at(nextBreakpointId++, line));
        }
        Source source = new Source();
        source.setPath(path);
        List<Breakpoint> placed = target.setLineBreakpoints(source, wanted);
        assertEquals(lines.length, placed.size(), "one answer per breakpoint: " + Arrays.toString(lines));
        for (int i = 0; i < placed.size(); i++) {
            placed.get(i).setId(wanted.get(i).id());
        }
        return placed;
    }

    StoppedEventArguments configurationDoneAndStop() throws TargetException {
        target.configurationDone();
        return context.awaitStopped();
    }

    StoppedEventArguments resumeAndStop() throws TargetException {
        target.resume(1, true);
        return context.awaitStopped();
    }

    StoppedEventArguments next(int threadId) throws TargetException {
        target.next(threadId, StepOptions.DEFAULT);
        return context.awaitStopped();
    }

    StoppedEventArguments stepIn(int threadId) throws TargetException {
        target.stepIn(threadId, StepOptions.DEFAULT);
        return context.awaitStopped();
    }

    StoppedEventArguments stepOut(int threadId) throws TargetException {
        target.stepOut(threadId, StepOptions.DEFAULT);
        return context.awaitStopped();
    }

    List<StackFrame> stack(int threadId) throws TargetException {
        return target.stackTrace(threadId, 0, 0).frames().stream().map(TargetFrame::describe).toList();
    }

    TargetFrame topFrame(int threadId) throws TargetException {
        return target.stackTrace(threadId, 0, 1).frames().get(0);
    }

    /** The line and function of the top frame, e.g. {@code add:2}. */
    String where(int threadId) throws TargetException {
        StackFrame top = stack(threadId).get(0);
        return top.getName() + ":" + top.getLine();
    }

    /** The variables of scope {@code index} (0 Locals, 1 Globals) of the top frame, by name. */
    Map<String, TargetVariable> scope(int threadId, int index) throws TargetException {
        TargetScope scope = target.scopes(topFrame(threadId)).get(index);
        return byName(target.variables(scope.variables(), VariablesPage.ALL));
    }

    Map<String, TargetVariable> children(VariableContainer container) throws TargetException {
        return byName(target.variables(container, VariablesPage.ALL));
    }

    static Map<String, TargetVariable> byName(List<TargetVariable> variables) {
        Map<String, TargetVariable> byName = new LinkedHashMap<>();
        variables.forEach(v -> byName.put(v.variable().getName(), v));
        return byName;
    }

    /** The value an expression shows in the top frame of {@code threadId}. */
    String evaluate(int threadId, String expression) throws TargetException {
        return target.evaluate(topFrame(threadId), expression, EvaluationContext.REPL).variable().getValue();
    }

    @Override
    public void close() {
        target.disconnect(true);
    }
}
