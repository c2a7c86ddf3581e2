package dev.dapkit.server.internal;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.StepOptions;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.TargetScope;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariableContainer;
import dev.dapkit.server.spi.VariablesPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;

/**
 * A small target with real behaviour for session tests: one thread, a configurable stack whose
 * frames each have one scope of leaf variables, breakpoints verified by a predicate on the line,
 * and a record of every call. Tests emit events through {@link #events()}.
 */
public class FakeTarget implements DebugTarget {

    public static final int THREAD = 1;

    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, List<LineBreakpoint>> lineBreakpoints = new ConcurrentHashMap<>();
    public volatile TargetContext context;
    public volatile RawJson launchArguments;
    public volatile List<FakeFrame> stack = List.of(new FakeFrame("main", "/remote/app/main.py", 10),
            new FakeFrame("run", "/remote/app/lib/run.py", 20));
    public volatile Integer totalFrames = null;
    public volatile IntPredicate verifies = line -> true;
    public volatile Function<Integer, Integer> movesTo = line -> line;

    public dev.dapkit.server.spi.TargetEvents events() {
        return context.events();
    }

    /** Reports a breakpoint stop on the fake thread. */
    public void stopAtBreakpoint(int... ids) {
        stop("breakpoint", ids);
    }

    /** Reports a stop for another reason. */
    public void stop(String reason) {
        stop(reason, new int[0]);
    }

    /** Reports a stop for {@code reason} at a place where the breakpoints {@code ids} are set. */
    public void stop(String reason, int... ids) {
        StoppedEventArguments stopped = new StoppedEventArguments();
        stopped.setReason(reason);
        stopped.setThreadId(THREAD);
        stopped.setAllThreadsStopped(true);
        if (ids.length > 0) {
            stopped.setHitBreakpointIds(java.util.Arrays.stream(ids).boxed().toArray(Integer[]::new));
        }
        events().stopped(stopped);
    }

    @Override
    public void launch(RawJson arguments) throws TargetException {
        calls.add("launch");
        launchArguments = arguments;
    }

    @Override
    public void attach(RawJson arguments) throws TargetException {
        calls.add("attach");
        launchArguments = arguments;
    }

    @Override
    public void configurationDone() throws TargetException {
        calls.add("configurationDone");
    }

    @Override
    public List<Thread> threads() throws TargetException {
        calls.add("threads");
        Thread t = new Thread();
        t.setId(THREAD);
        t.setName("main");
        return List.of(t);
    }

    @Override
    public StackTracePage stackTrace(int threadId, int startFrame, int levels) throws TargetException {
        calls.add("stackTrace " + threadId + " " + startFrame + " " + levels);
        List<FakeFrame> all = stack;
        int end = levels == 0 ? all.size() : Math.min(all.size(), startFrame + levels);
        return new StackTracePage(startFrame >= all.size() ? List.of() : all.subList(startFrame, end), totalFrames);
    }

    @Override
    public List<TargetScope> scopes(TargetFrame frame) throws TargetException {
        FakeFrame f = (FakeFrame) frame;
        calls.add("scopes " + f.name());
        return List.of(TargetScope.of("Locals", "locals", false, new FakeContainer(f.name() + ".locals")));
    }

    @Override
    public List<TargetVariable> variables(VariableContainer container, VariablesPage page) throws TargetException {
        FakeContainer c = (FakeContainer) container;
        calls.add("variables " + c.name());
        return List.of(TargetVariable.leaf("x", "1", "int"),
                TargetVariable.structured("child", "{...}", "dict", new FakeContainer(c.name() + ".child")));
    }

    @Override
    public boolean resume(int threadId, boolean allThreads) throws TargetException {
        calls.add("resume " + threadId + " " + allThreads);
        return allThreads;
    }

    @Override
    public void resumeFilteredStop(int threadId, boolean allThreadsStopped) throws TargetException {
        calls.add("resumeFilteredStop " + threadId + " " + allThreadsStopped);
    }

    @Override
    public void stopShown(int threadId) throws TargetException {
        calls.add("stopShown " + threadId);
    }

    @Override
    public void next(int threadId, StepOptions options) throws TargetException {
        calls.add("next " + threadId);
    }

    @Override
    public void stepIn(int threadId, StepOptions options) throws TargetException {
        calls.add("stepIn " + threadId);
    }

    @Override
    public void stepOut(int threadId, StepOptions options) throws TargetException {
        calls.add("stepOut " + threadId);
    }

    @Override
    public void pause(int threadId) throws TargetException {
        calls.add("pause " + threadId);
    }

    @Override
    public List<Breakpoint> setLineBreakpoints(Source source, List<LineBreakpoint> breakpoints) throws TargetException {
        calls.add("setLineBreakpoints " + source.getPath() + " " + breakpoints.stream().map(LineBreakpoint::line).toList());
        lineBreakpoints.put(source.getPath(), List.copyOf(breakpoints));
        List<Breakpoint> answers = new ArrayList<>();
        for (LineBreakpoint b : breakpoints) {
            Breakpoint a = new Breakpoint();
            a.setVerified(verifies.test(b.line()));
            a.setLine(movesTo.apply(b.line()));
            if (!a.isVerified()) {
                a.setMessage("no code at line " + b.line());
            }
            answers.add(a);
        }
        return answers;
    }

    @Override
    public void disconnect(boolean terminateDebuggee) throws TargetException {
        calls.add("disconnect " + terminateDebuggee);
    }

    @Override
    public void terminate() throws TargetException {
        calls.add("terminate");
    }

    /** Calls whose text starts with {@code prefix}. */
    public List<String> calls(String prefix) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.startsWith(prefix)).toList();
        }
    }

    /** A frame of the fake stack. */
    public record FakeFrame(String name, String path, int line) implements TargetFrame {
        @Override
        public StackFrame describe() {
            StackFrame f = new StackFrame();
            f.setName(name);
            f.setLine(line);
            f.setColumn(1);
            if (path != null) {
                Source s = new Source();
                s.setPath(path);
                s.setName(path.substring(path.lastIndexOf('/') + 1));
                f.setSource(s);
            }
            return f;
        }
    }

    /** A container of the fake's variables. */
    public record FakeContainer(String name) implements VariableContainer {
    }
}
