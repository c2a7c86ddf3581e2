package dev.dapkit.target.jvm.internal;

import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.event.ExceptionEvent;
import com.sun.jdi.request.StepRequest;
import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.BoundedRequests;
import dev.dapkit.server.spi.DataBreakpoints;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.ExceptionBreakpoints;
import dev.dapkit.server.spi.ExceptionInfoProvider;
import dev.dapkit.server.spi.ExpressionSetter;
import dev.dapkit.server.spi.FrameRestarter;
import dev.dapkit.server.spi.FunctionBreakpoints;
import dev.dapkit.server.spi.GranularStepping;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.LoadedSourcesProvider;
import dev.dapkit.server.spi.ModulesProvider;
import dev.dapkit.server.spi.SingleThreadExecution;
import dev.dapkit.server.spi.SourceProvider;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.StepOptions;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetFrame;
import dev.dapkit.server.spi.TargetScope;
import dev.dapkit.server.spi.TargetVariable;
import dev.dapkit.server.spi.VariableContainer;
import dev.dapkit.server.spi.VariableSetter;
import dev.dapkit.server.spi.VariablesPage;
import dev.dapkit.target.jvm.JvmAttachConfiguration;
import dev.dapkit.target.jvm.JvmLaunchConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionFilterOptions;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.ExceptionOptions;
import org.eclipse.lsp4j.debug.ModulesResponse;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArgumentsStartMethod;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SteppingGranularity;

/**
 * The JVM target: debugs a Java program through JDI, launched by the target (see
 * {@link JvmLaunchConfiguration}) or attached to (see {@link JvmAttachConfiguration}). Besides the
 * core it serves function, exception and data breakpoints, {@code exceptionInfo},
 * {@code setVariable} (literal values), {@code restartFrame}, instruction stepping, single-thread
 * execution, sources of classes without files, loaded sources and modules, and Java expressions
 * ({@code evaluate}, {@code setExpression}; hover runs no code). Conditions, hit counts and logpoints
 * are the engine's, through this evaluator.
 *
 * <p>Every thread stops at every stop ({@code allThreadsStopped}). Steps never stop in the JDK's
 * classes or compiler-made methods.
 *
 * <p>Threading: the engine calls the request methods one at a time; events come from the session's
 * JDI event thread and the debuggee's output pumps. The requests around a stop are bounded
 * ({@link BoundedRequests}): a JDWP exchange or a few, and the {@code size()} a collection without
 * a size field is asked for runs under the invocation timeout.
 */
public final class JvmTarget implements DebugTarget, BoundedRequests, VariableSetter, ExceptionBreakpoints,
        ExceptionInfoProvider, FunctionBreakpoints, DataBreakpoints, FrameRestarter, GranularStepping,
        SingleThreadExecution, SourceProvider, LoadedSourcesProvider, ModulesProvider, Evaluator, ExpressionSetter {

    private final TargetContext context;
    private JvmSession session;

    public JvmTarget(TargetContext context) {
        this.context = context;
    }

    @Override
    public void launch(RawJson arguments) throws TargetException {
        JvmLaunchConfiguration config = JvmLaunchConfiguration.from(arguments);
        session = JvmSession.launch(context, config);
        ProcessEventArguments process = new ProcessEventArguments();
        process.setName(config.mainClass());
        process.setStartMethod(ProcessEventArgumentsStartMethod.LAUNCH);
        process.setIsLocalProcess(true);
        if (session.pid() > 0) {
            process.setSystemProcessId((int) session.pid());
        }
        context.events().process(process);
        if (config.stopOnEntry()) {
            EntryBreakpoint.arm(session.vm, JavaCommand.mainClassName(config));
        }
    }

    @Override
    public void attach(RawJson arguments) throws TargetException {
        JvmAttachConfiguration config = JvmAttachConfiguration.from(arguments);
        session = JvmSession.attach(context, config);
        ProcessEventArguments process = new ProcessEventArguments();
        process.setName(session.vm.name() + " at " + config.hostName() + ":" + config.port());
        process.setStartMethod(ProcessEventArgumentsStartMethod.ATTACH);
        context.events().process(process);
    }

    @Override
    public void configurationDone() throws TargetException {
        JdiCalls.run("configurationDone", () -> session("configurationDone").execution.configurationDone());
    }

    @Override
    public List<org.eclipse.lsp4j.debug.Thread> threads() throws TargetException {
        if (session == null) {
            return List.of();
        }
        return JdiCalls.call("threads", () -> {
            List<org.eclipse.lsp4j.debug.Thread> out = new ArrayList<>();
            for (ThreadRegistry.ListedThread listed : session.readAhead.listed()) {
                org.eclipse.lsp4j.debug.Thread thread = new org.eclipse.lsp4j.debug.Thread();
                thread.setId(listed.id());
                thread.setName(listed.name());
                out.add(thread);
            }
            return out;
        });
    }

    @Override
    public void stopShown(int threadId) throws TargetException {
        if (session == null) {
            return;
        }
        JdiCalls.run("stopShown", () -> session.readAhead.read(session.threads.thread(threadId)));
    }

    @Override
    public StackTracePage stackTrace(int threadId, int startFrame, int levels) throws TargetException {
        return JdiCalls.call("stackTrace", () -> {
            ThreadReference thread = thread("stackTrace", threadId);
            try {
                return session.stacks.page(thread, threadId, startFrame, levels);
            } catch (IncompatibleThreadStateException e) {
                // JDI refuses the frames of a thread that runs; asking its suspend count first
                // would cost a JDWP round trip on every stack trace
                throw JvmErrors.notStopped("stackTrace", "thread " + threadId);
            }
        });
    }

    @Override
    public List<TargetScope> scopes(TargetFrame frame) throws TargetException {
        JvmFrame f = own(frame);
        return JdiCalls.call("scopes", () -> {
            List<TargetScope> scopes = new ArrayList<>();
            scopes.add(TargetScope.of("Locals", "locals", false, new LocalVariables(f, session.view, session.readAhead)));
            ReferenceType declaring = f.location().declaringType();
            List<Field> statics = StaticFields.of(declaring);
            if (!statics.isEmpty()) {
                scopes.add(TargetScope.of("Static: " + SourcePaths.simpleName(declaring.name()), null, false,
                        new StaticFields(declaring, session.view, f.thread())).withNamedVariables(statics.size()));
            }
            return scopes;
        });
    }

    @Override
    public List<TargetVariable> variables(VariableContainer container, VariablesPage page) throws TargetException {
        ValueChildren children = own(container);
        return JdiCalls.call("variables", () -> children.children(page));
    }

    @Override
    public TargetVariable setVariable(VariableContainer container, String name, String value) throws TargetException {
        ValueChildren children = own(container);
        JvmSession s = session("setVariable");
        try {
            return JdiCalls.call("setVariable", () -> children.assign(name, value));
        } finally {
            s.execution.changed();
        }
    }

    @Override
    public TargetVariable evaluate(TargetFrame frame, String expression, EvaluationContext context)
            throws TargetException {
        JvmFrame f = frame == null ? null : own(frame);
        JvmSession s = session("evaluate");
        return JdiCalls.call("evaluate", () -> s.evaluation.evaluate(f, expression, context));
    }

    @Override
    public TargetVariable setExpression(TargetFrame frame, String expression, String value) throws TargetException {
        JvmFrame f = frame == null ? null : own(frame);
        JvmSession s = session("setExpression");
        // an assignment is evaluated, and an evaluation marks the debuggee changed already
        return JdiCalls.call("setExpression", () -> s.evaluation.assign(f, expression, value));
    }

    @Override
    public boolean resume(int threadId, boolean allThreads) throws TargetException {
        return JdiCalls.call("continue", () -> session("continue").execution.resume(
                allThreads ? null : thread("continue", threadId), allThreads));
    }

    @Override
    public void resumeFilteredStop(int threadId, boolean allThreadsStopped) throws TargetException {
        JdiCalls.run("continue", () -> session("continue").execution.resumeFilteredStop());
    }

    @Override
    public void next(int threadId, StepOptions options) throws TargetException {
        step("next", threadId, StepRequest.STEP_OVER, options);
    }

    @Override
    public void stepIn(int threadId, StepOptions options) throws TargetException {
        step("stepIn", threadId, StepRequest.STEP_INTO, options);
    }

    @Override
    public void stepOut(int threadId, StepOptions options) throws TargetException {
        step("stepOut", threadId, StepRequest.STEP_OUT, options);
    }

    private void step(String request, int threadId, int depth, StepOptions options) throws TargetException {
        JdiCalls.run(request, () -> {
            ThreadReference thread = thread(request, threadId);
            // the target's own books answer the usual case without a JDWP round trip
            if (!session.execution.holds(thread) && thread.suspendCount() == 0) {
                throw JvmErrors.notStopped(request, "thread " + threadId);
            }
            int size = options.granularity() == SteppingGranularity.INSTRUCTION ? StepRequest.STEP_MIN
                    : StepRequest.STEP_LINE;
            session.execution.step(thread, size, depth, options.singleThread(), false);
        });
    }

    @Override
    public void pause(int threadId) throws TargetException {
        JdiCalls.run("pause", () -> session("pause").execution.pause(threadId));
    }

    @Override
    public List<Breakpoint> setLineBreakpoints(Source source, List<LineBreakpoint> breakpoints) throws TargetException {
        return JdiCalls.call("setBreakpoints", () -> session("setBreakpoints").lines.set(source, breakpoints));
    }

    @Override
    public List<Breakpoint> setFunctionBreakpoints(List<FunctionBreakpoint> breakpoints) throws TargetException {
        return JdiCalls.call("setFunctionBreakpoints",
                () -> session("setFunctionBreakpoints").functions.set(breakpoints));
    }

    @Override
    public List<ExceptionBreakpointsFilter> exceptionFilters() {
        return ExceptionBreakpointSet.filters();
    }

    @Override
    public List<Breakpoint> setExceptionBreakpoints(List<String> filters, List<ExceptionFilterOptions> filterOptions,
            List<ExceptionOptions> exceptionOptions) throws TargetException {
        return JdiCalls.call("setExceptionBreakpoints",
                () -> session("setExceptionBreakpoints").exceptions.set(filters, filterOptions));
    }

    @Override
    public ExceptionInfoResponse exceptionInfo(int threadId) throws TargetException {
        return JdiCalls.call("exceptionInfo", () -> {
            ExceptionEvent exception = session("exceptionInfo").execution.exception(threadId);
            if (exception == null) {
                throw JvmErrors.noException(threadId);
            }
            return ExceptionDescriber.describe(exception);
        });
    }

    @Override
    public DataBreakpointInfoResponse dataBreakpointInfo(VariableContainer container, String name, TargetFrame frame)
            throws TargetException {
        return JdiCalls.call("dataBreakpointInfo",
                () -> session("dataBreakpointInfo").watchpoints.info(container, name));
    }

    @Override
    public List<Breakpoint> setDataBreakpoints(List<DataBreakpoint> breakpoints) throws TargetException {
        return JdiCalls.call("setDataBreakpoints", () -> session("setDataBreakpoints").watchpoints.set(breakpoints));
    }

    @Override
    public boolean canRestart(TargetFrame frame) {
        return frame instanceof JvmFrame f && f.restartable();
    }

    @Override
    public void restartFrame(TargetFrame frame) throws TargetException {
        JvmFrame f = own(frame);
        if (!f.restartable()) {
            throw JvmErrors.cannotRestart(f.toString(), "it is the thread's first frame, native, or the JVM cannot pop"
                    + " frames");
        }
        JdiCalls.run("restartFrame", () -> {
            f.thread().popFrames(f.frame());
            session.execution.step(f.thread(), StepRequest.STEP_LINE, StepRequest.STEP_INTO, false, true);
        });
    }

    @Override
    public SourceContent source(Source source) throws TargetException {
        JvmSession s = session("source");
        Integer reference = source.getSourceReference();
        String className = reference == null ? null : s.sources.classOfReference(reference);
        if (className != null) {
            return JdiCalls.call("source", () -> new SourceContent(
                    GeneratedSource.describe(s.vm, className, s.sources.roots()), "text/x-java"));
        }
        if (source.getPath() == null) {
            throw JvmErrors.noSource(String.valueOf(source.getName()), "it has neither a path nor a reference this"
                    + " target issued");
        }
        try {
            return new SourceContent(Files.readString(Path.of(source.getPath())), "text/x-java");
        } catch (IOException | InvalidPathException e) {
            throw JvmErrors.noSource(source.getPath(), e.toString());
        }
    }

    @Override
    public List<Source> loadedSources() throws TargetException {
        JvmSession s = session("loadedSources");
        return JdiCalls.call("loadedSources", () -> LoadedClasses.sources(s.vm, s.sources));
    }

    @Override
    public ModulesResponse modules(int start, int count) throws TargetException {
        JvmSession s = session("modules");
        return JdiCalls.call("modules", () -> LoadedClasses.modules(s.vm, start, count));
    }

    @Override
    public void disconnect(boolean terminateDebuggee) throws TargetException {
        if (session == null) {
            return;
        }
        if (terminateDebuggee) {
            session.terminate();
            try {
                session.awaitEnd(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            session.detach();
        }
    }

    @Override
    public void terminate() throws TargetException {
        session("terminate").terminate();
    }

    private JvmSession session(String request) throws TargetException {
        if (session == null) {
            throw JvmErrors.noDebuggee(request);
        }
        return session;
    }

    private ThreadReference thread(String request, int threadId) throws TargetException {
        ThreadReference thread = session(request).threads.thread(threadId);
        if (thread == null) {
            throw JvmErrors.unknownThread(threadId);
        }
        return thread;
    }

    private static JvmFrame own(TargetFrame frame) throws TargetException {
        if (frame instanceof JvmFrame own) {
            return own;
        }
        throw JvmErrors.foreign("frame", frame);
    }

    private static ValueChildren own(VariableContainer container) throws TargetException {
        if (container instanceof ValueChildren own) {
            return own;
        }
        throw JvmErrors.foreign("variable container", container);
    }
}
