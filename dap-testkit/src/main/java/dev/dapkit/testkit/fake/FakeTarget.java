package dev.dapkit.testkit.fake;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.BoundedRequests;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.ExceptionBreakpoints;
import dev.dapkit.server.spi.ExceptionInfoProvider;
import dev.dapkit.server.spi.FunctionBreakpoints;
import dev.dapkit.server.spi.GranularStepping;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.LoadedSourcesProvider;
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
import dev.dapkit.testkit.fake.internal.ControlSignal;
import dev.dapkit.testkit.fake.internal.Expr;
import dev.dapkit.testkit.fake.internal.Frame;
import dev.dapkit.testkit.fake.internal.LoadException;
import dev.dapkit.testkit.fake.internal.RaisedError;
import dev.dapkit.testkit.fake.internal.SourceFile;
import dev.dapkit.testkit.fake.internal.StepKind;
import dev.dapkit.testkit.fake.internal.Stop;
import dev.dapkit.testkit.fake.internal.SyntaxError;
import dev.dapkit.testkit.fake.internal.ValueText;
import dev.dapkit.testkit.fake.internal.Vm;
import dev.dapkit.testkit.fake.internal.VmThread;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionDetails;
import org.eclipse.lsp4j.debug.ExceptionFilterOptions;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.ExceptionOptions;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArgumentsStartMethod;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SteppingGranularity;

/**
 * The fake debugger backend: drives a {@link FakeProgram} through the target SPI, as a real backend
 * drives a JVM or a board. It is the SPI's reference implementation, so it implements the required
 * {@link DebugTarget} and most optional capabilities, but not
 * {@link dev.dapkit.server.spi.NativeBreakpointConditions}: conditions, hit counts and logpoints are
 * left to the engine, which tests them through {@link #evaluate}.
 *
 * <p>Behaviour: {@code launch} loads the program and starts it at {@code configurationDone}
 * (stopping on its first statement with {@code "stopOnEntry": true}); {@code attach} attaches to the
 * running program of the provider. When any thread stops, every thread stops
 * ({@code allThreadsStopped}); {@code continue} resumes them all. Scopes are {@code Locals} and
 * {@code Globals} (at a file's top level the locals are the globals, as in Python). Exception
 * filters: {@code raised} and {@code uncaught} (on by default). Sources that exist only on the
 * "device" are served by {@link #source}.
 *
 * <p>Cancellation: an evaluation (and the value of a {@code setVariable}) watches the request's
 * {@link dev.dapkit.server.spi.RequestCancellation} and its progress, and stops at the next
 * statement or step of {@code busy(n)} once either is cancelled.
 *
 * <p>Threading: the engine calls the request methods one at a time. Events come from the
 * program's threads.
 */
public final class FakeTarget implements DebugTarget, BoundedRequests, Evaluator, VariableSetter, ExceptionBreakpoints,
        FunctionBreakpoints, SourceProvider, LoadedSourcesProvider, ExceptionInfoProvider, GranularStepping {

    /** The exception filter that stops on every raised error, caught or not. */
    public static final String RAISED = "raised";
    /** The exception filter that stops on errors no {@code try} will catch. */
    public static final String UNCAUGHT = "uncaught";

    private final TargetContext context;
    private final FakeSources sources;
    private final FakeProgram running;
    private Vm vm;
    private LaunchSettings launch;

    FakeTarget(TargetContext context, FakeSources sources, FakeProgram running) {
        this.context = context;
        this.sources = sources;
        this.running = running;
    }

    @Override
    public void launch(RawJson arguments) throws TargetException {
        if (running != null) {
            throw TargetErrors.cannotAttach("this fake target debugs the running " + running + "; attach to it");
        }
        LaunchSettings settings = LaunchSettings.of(arguments);
        FakeSources all = settings.sources().isEmpty() ? sources : FakeSources.of(settings.sources()).or(sources);
        try {
            vm = Vm.load(all::read, settings.program());
        } catch (LoadException e) {
            throw TargetErrors.cannotLoad(e.getMessage() + " (sources: " + all + ")");
        }
        vm.attach(new DebuggerEvents(context.events()));
        useDefaultExceptionFilters();
        launch = settings;
        process(ProcessEventArgumentsStartMethod.LAUNCH);
    }

    @Override
    public void attach(RawJson arguments) throws TargetException {
        if (running == null) {
            throw TargetErrors.cannotAttach("there is no running program to attach to: give the provider one "
                    + "with new FakeTargetProvider(program), or launch");
        }
        if (!running.vm().attach(new DebuggerEvents(context.events()))) {
            throw TargetErrors.cannotAttach(running.exitCode().isDone() ? running + " has ended"
                    : running + " is being debugged by another session");
        }
        vm = running.vm();
        useDefaultExceptionFilters();
        process(ProcessEventArgumentsStartMethod.ATTACH);
    }

    /** Until the client sets exception breakpoints, the filters are as {@link #exceptionFilters()} shows them. */
    private void useDefaultExceptionFilters() {
        vm.setExceptionFilters(false, true);
    }

    private void process(ProcessEventArgumentsStartMethod how) {
        ProcessEventArguments process = new ProcessEventArguments();
        process.setName(vm.mainPath());
        process.setStartMethod(how);
        context.events().process(process);
    }

    @Override
    public void configurationDone() throws TargetException {
        // a launched program starts once; an attached one is running already
        LaunchSettings settings = launch;
        launch = null;
        if (settings != null) {
            vm.start(settings.args(), settings.stopOnEntry());
        }
    }

    @Override
    public List<org.eclipse.lsp4j.debug.Thread> threads() {
        return vm == null ? List.of() : vm.threads().stream().map(t -> {
            org.eclipse.lsp4j.debug.Thread thread = new org.eclipse.lsp4j.debug.Thread();
            thread.setId(t.id());
            thread.setName(t.name());
            return thread;
        }).toList();
    }

    @Override
    public StackTracePage stackTrace(int threadId, int startFrame, int levels) throws TargetException {
        List<Frame> frames = stoppedThread("stackTrace", threadId).frames();
        int from = Math.min(startFrame, frames.size());
        int to = levels == 0 ? frames.size() : Math.min(frames.size(), from + levels);
        return new StackTracePage(frames.subList(from, to).stream().map(FakeFrame::new).toList(), frames.size());
    }

    @Override
    public List<TargetScope> scopes(TargetFrame frame) throws TargetException {
        Frame f = own(frame).frame();
        return List.of(scope("Locals", "locals", new ScopeVariables(f.locals(), f)),
                scope("Globals", null, new ScopeVariables(inspectable("scopes").globals(), f)));
    }

    private static TargetScope scope(String name, String hint, ScopeVariables variables) {
        return TargetScope.of(name, hint, false, variables).withNamedVariables(variables.variables().size());
    }

    @Override
    public List<TargetVariable> variables(VariableContainer container, VariablesPage page) throws TargetException {
        inspectable("variables");
        return VariablesView.children(own(container), page);
    }

    @Override
    public boolean resume(int threadId, boolean allThreads) throws TargetException {
        session("continue").resume();
        return true;
    }

    /** Carries on what the stop cut short: a step in progress, or a pause asked for while it was stopped. */
    @Override
    public void resumeFilteredStop(int threadId, boolean allThreadsStopped) throws TargetException {
        session("continue").resumeInterrupted();
    }

    @Override
    public void next(int threadId, StepOptions options) throws TargetException {
        step("next", threadId, StepKind.OVER, options);
    }

    @Override
    public void stepIn(int threadId, StepOptions options) throws TargetException {
        step("stepIn", threadId, StepKind.IN, options);
    }

    @Override
    public void stepOut(int threadId, StepOptions options) throws TargetException {
        step("stepOut", threadId, StepKind.OUT, options);
    }

    private void step(String request, int threadId, StepKind kind, StepOptions options) throws TargetException {
        VmThread thread = stoppedThread(request, threadId);
        vm.step(thread, kind, options.granularity() != SteppingGranularity.LINE);
    }

    @Override
    public void pause(int threadId) throws TargetException {
        session("pause").pause(threadId);
    }

    @Override
    public List<Breakpoint> setLineBreakpoints(Source source, List<LineBreakpoint> breakpoints) throws TargetException {
        return BreakpointPlacement.placeLines(session("setBreakpoints"), source, breakpoints);
    }

    @Override
    public List<Breakpoint> setFunctionBreakpoints(List<FunctionBreakpoint> breakpoints) throws TargetException {
        return BreakpointPlacement.placeFunctions(session("setFunctionBreakpoints"), breakpoints);
    }

    @Override
    public List<ExceptionBreakpointsFilter> exceptionFilters() {
        return List.of(filter(RAISED, "Raised Errors", false), filter(UNCAUGHT, "Uncaught Errors", true));
    }

    private static ExceptionBreakpointsFilter filter(String id, String label, boolean on) {
        ExceptionBreakpointsFilter filter = new ExceptionBreakpointsFilter();
        filter.setFilter(id);
        filter.setLabel(label);
        filter.setDefault_(on);
        return filter;
    }

    @Override
    public List<Breakpoint> setExceptionBreakpoints(List<String> filters, List<ExceptionFilterOptions> filterOptions,
            List<ExceptionOptions> exceptionOptions) throws TargetException {
        session("setExceptionBreakpoints").setExceptionFilters(filters.contains(RAISED), filters.contains(UNCAUGHT));
        return filters.stream().map(f -> {
            Breakpoint b = new Breakpoint();
            b.setVerified(f.equals(RAISED) || f.equals(UNCAUGHT));
            b.setMessage(b.isVerified() ? null : "unknown filter '" + f + "'; the filters are raised and uncaught");
            return b;
        }).toList();
    }

    @Override
    public TargetVariable evaluate(TargetFrame frame, String expression, EvaluationContext why) throws TargetException {
        Frame context = frame == null ? null : own(frame).frame();
        Expr expr = parse(expression);
        Vm program = inspectable("evaluate");
        EvaluationRequest request = new EvaluationRequest(this.context.events(), expression,
                this.context.currentRequest());
        try {
            return VariablesView.variable(expression, run(expression, () -> program.evaluate(context, expr, request)),
                    expression, context);
        } finally {
            request.finish();
        }
    }

    @Override
    public TargetVariable setVariable(VariableContainer container, String name, String value) throws TargetException {
        VariableContainer own = own(container);
        Frame frame = own instanceof ScopeVariables s ? s.frame() : ((ValueVariables) own).frame();
        Expr expr = parse(value);
        Vm program = inspectable("setVariable");
        EvaluationRequest request = new EvaluationRequest(context.events(), value, context.currentRequest());
        try {
            return VariablesView.set(own, name, run(value, () -> program.evaluate(frame, expr, request)));
        } finally {
            request.finish();
        }
    }

    private interface Evaluation {
        Object run();
    }

    private static Object run(String expression, Evaluation evaluation) throws TargetException {
        try {
            return evaluation.run();
        } catch (RaisedError e) {
            throw TargetErrors.evaluationFailed(expression, e.getMessage());
        } catch (ControlSignal signal) {
            throw signal.kind() == ControlSignal.Kind.CANCELLED ? TargetErrors.cancelled(expression)
                    : TargetErrors.programEnded("evaluating '" + expression + "'");
        }
    }

    private static Expr parse(String expression) throws TargetException {
        try {
            return Vm.parseExpression(expression);
        } catch (SyntaxError e) {
            throw TargetErrors.badExpression(expression, e.getMessage());
        }
    }

    @Override
    public SourceContent source(Source source) throws TargetException {
        SourceFile file = source.getPath() == null ? null : session("source").file(source.getPath());
        if (file == null) {
            throw TargetErrors.noSource(String.valueOf(source.getPath()), vm == null ? "none" : vm.files().stream()
                    .map(SourceFile::path).toList());
        }
        return new SourceContent(file.text(), "text/x-fake");
    }

    @Override
    public List<Source> loadedSources() throws TargetException {
        return session("loadedSources").loadedFiles().stream().map(FakeFrame::source).toList();
    }

    @Override
    public ExceptionInfoResponse exceptionInfo(int threadId) throws TargetException {
        Stop stop = session("exceptionInfo").currentStop();
        if (stop == null || stop.error() == null || stop.thread().id() != threadId) {
            throw TargetErrors.noException(threadId);
        }
        ExceptionDetails details = new ExceptionDetails();
        details.setMessage(stop.error().getMessage());
        details.setTypeName(ValueText.typeName(stop.error().value()));
        details.setStackTrace(stop.error().traceback());
        ExceptionInfoResponse info = new ExceptionInfoResponse();
        info.setExceptionId("error");
        info.setDescription(stop.error().getMessage());
        info.setBreakMode(stop.uncaught() ? ExceptionBreakMode.UNHANDLED : ExceptionBreakMode.ALWAYS);
        info.setDetails(details);
        return info;
    }

    @Override
    public void disconnect(boolean terminateDebuggee) {
        if (vm != null) {
            vm.detach();
            if (terminateDebuggee) {
                vm.terminate();
            }
        }
    }

    @Override
    public void terminate() throws TargetException {
        session("terminate").terminate();
    }

    private Vm session(String request) throws TargetException {
        if (vm == null) {
            throw TargetErrors.noSession(request);
        }
        return vm;
    }

    private Vm inspectable(String request) throws TargetException {
        if (!session(request).canInspect()) {
            throw TargetErrors.notStopped(request);
        }
        return vm;
    }

    private VmThread stoppedThread(String request, int threadId) throws TargetException {
        if (!session(request).isSuspended()) {
            throw TargetErrors.notStopped(request);
        }
        VmThread thread = vm.thread(threadId);
        if (thread == null) {
            throw TargetErrors.unknownThread(threadId, vm.threads());
        }
        return thread;
    }

    private static FakeFrame own(TargetFrame frame) throws TargetException {
        if (frame instanceof FakeFrame own) {
            return own;
        }
        throw TargetErrors.foreign("frame", frame);
    }

    private static VariableContainer own(VariableContainer container) throws TargetException {
        if (container instanceof ScopeVariables || container instanceof ValueVariables) {
            return container;
        }
        throw TargetErrors.foreign("variable container", container);
    }
}
