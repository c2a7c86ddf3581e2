package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.EvaluationContext;
import dev.dapkit.server.spi.Evaluator;
import dev.dapkit.server.spi.ExceptionBreakpoints;
import dev.dapkit.server.spi.ExceptionInfoProvider;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.NativeBreakpointConditions;
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
import dev.dapkit.target.micropython.MicroPythonAttachConfiguration;
import dev.dapkit.target.micropython.MicroPythonLaunchConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionFilterOptions;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.ExceptionOptions;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArgumentsStartMethod;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.Thread;

/**
 * The MicroPython target: debugs a program through the dapkit agent, which runs beside it on the
 * device (or in a launched unix-port or CPython interpreter) and answers over the link of
 * PROTOCOL.md. The host keeps the DAP state; the agent traces, stops, and tests breakpoint
 * conditions, hit conditions and logpoints on the device ({@link NativeBreakpointConditions}).
 * Besides the core it serves exception breakpoints ({@code raised}, {@code uncaught}) and
 * {@code exceptionInfo}, evaluation (hover reads names and attribute chains only),
 * {@code setVariable}, and the device's copy of files the client does not have.
 *
 * <p>Threading: the engine calls the request methods one at a time; events come from the link's
 * reader thread and a launched interpreter's output pumps.
 */
public final class MicroPythonTarget implements DebugTarget, NativeBreakpointConditions, ExceptionBreakpoints,
        ExceptionInfoProvider, Evaluator, VariableSetter, SourceProvider {

    /** The exception filter that stops where an exception is raised, caught or not. */
    public static final String RAISED = "raised";
    /** The exception filter that stops on an exception nothing catches. */
    public static final String UNCAUGHT = "uncaught";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final TargetContext context;
    private final Duration requestTimeout;
    private AgentSession session;
    private AgentInspection inspection;
    private boolean stopOnEntry;

    public MicroPythonTarget(TargetContext context) {
        this(context, REQUEST_TIMEOUT);
    }

    /** @param requestTimeout how long a request to the agent waits for its reply (evaluations wait longer) */
    public MicroPythonTarget(TargetContext context, Duration requestTimeout) {
        this.context = context;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void launch(RawJson arguments) throws TargetException {
        MicroPythonLaunchConfiguration config = MicroPythonLaunchConfiguration.from(arguments);
        start(AgentSession.launch(config, context.events(), requestTimeout));
        stopOnEntry = config.stopOnEntry();
        ProcessEventArguments process = new ProcessEventArguments();
        process.setName(config.program());
        process.setStartMethod(ProcessEventArgumentsStartMethod.LAUNCH);
        process.setIsLocalProcess(true);
        process.setSystemProcessId((int) session.pid());
        context.events().process(process);
    }

    @Override
    public void attach(RawJson arguments) throws TargetException {
        MicroPythonAttachConfiguration config = MicroPythonAttachConfiguration.from(arguments);
        start(AgentSession.attach(config, context.events(), requestTimeout));
        ObjectNode hello = session.hello();
        ProcessEventArguments process = new ProcessEventArguments();
        String main = hello.path("main").asText(null);
        process.setName((main == null ? hello.path("impl").asText("MicroPython") : main) + " at " + session.link.address());
        process.setStartMethod(ProcessEventArgumentsStartMethod.ATTACH);
        process.setIsLocalProcess(false);
        context.events().process(process);
    }

    private void start(AgentSession started) {
        session = started;
        inspection = new AgentInspection(started);
    }

    @Override
    public void configurationDone() throws TargetException {
        AgentSession s = session("configurationDone");
        ObjectNode go = JSON.createObjectNode();
        if (stopOnEntry) {
            go.put("entry", true);
        }
        s.link.request("go", go);
    }

    @Override
    public List<Thread> threads() throws TargetException {
        if (session == null || !session.link.isOpen()) {
            return List.of();
        }
        List<Thread> threads = new ArrayList<>();
        for (var t : session.link.request("threads", null).path("threads")) {
            Thread thread = new Thread();
            thread.setId(session.threads.dap(t.path("id").asLong()));
            thread.setName(t.path("name").asText("thread " + thread.getId()));
            threads.add(thread);
        }
        return threads;
    }

    @Override
    public StackTracePage stackTrace(int threadId, int startFrame, int levels) throws TargetException {
        session("stackTrace");
        return inspection.stack(threadId, startFrame, levels);
    }

    @Override
    public List<TargetScope> scopes(TargetFrame frame) throws TargetException {
        session("scopes");
        return inspection.scopes(own(frame));
    }

    @Override
    public List<TargetVariable> variables(VariableContainer container, VariablesPage page) throws TargetException {
        session("variables");
        return inspection.variables(container, page);
    }

    @Override
    public TargetVariable setVariable(VariableContainer container, String name, String value) throws TargetException {
        session("setVariable");
        return inspection.set(container, name, value);
    }

    @Override
    public TargetVariable evaluate(TargetFrame frame, String expression, EvaluationContext evaluationContext)
            throws TargetException {
        session("evaluate");
        if (frame == null) {
            throw MicroPythonErrors.noFrame("evaluate");
        }
        return inspection.evaluate(own(frame), expression, evaluationContext, context.currentRequest());
    }

    @Override
    public boolean resume(int threadId, boolean allThreads) throws TargetException {
        AgentSession s = session("continue");
        s.link.request("cont", thread(s, threadId));
        s.stops.resumed(threadId, allThreads);
        return false;
    }

    @Override
    public void next(int threadId, StepOptions options) throws TargetException {
        step("next", "next", threadId);
    }

    @Override
    public void stepIn(int threadId, StepOptions options) throws TargetException {
        step("stepIn", "in", threadId);
    }

    @Override
    public void stepOut(int threadId, StepOptions options) throws TargetException {
        step("stepOut", "out", threadId);
    }

    private void step(String request, String command, int threadId) throws TargetException {
        AgentSession s = session(request);
        s.link.request(command, thread(s, threadId));
        s.stops.resumed(threadId, false);
    }

    @Override
    public void pause(int threadId) throws TargetException {
        AgentSession s = session("pause");
        s.link.request("pause", thread(s, threadId));
    }

    @Override
    public List<Breakpoint> setLineBreakpoints(Source source, List<LineBreakpoint> breakpoints) throws TargetException {
        AgentSession s = session("setBreakpoints");
        if (breakpoints.isEmpty() && !s.link.isOpen()) {
            return List.of(); // clearing after the program ended: nothing is left to clear
        }
        if (source.getPath() == null) {
            List<Breakpoint> none = new ArrayList<>();
            for (LineBreakpoint b : breakpoints) {
                Breakpoint answer = new Breakpoint();
                answer.setVerified(false);
                answer.setLine(b.line());
                answer.setMessage("the source " + source.getName() + " has no path on the device to set breakpoints in");
                none.add(answer);
            }
            return none;
        }
        return s.breakpoints.set(s.link, source.getPath(), breakpoints);
    }

    @Override
    public List<ExceptionBreakpointsFilter> exceptionFilters() {
        ExceptionBreakpointsFilter raised = new ExceptionBreakpointsFilter();
        raised.setFilter(RAISED);
        raised.setLabel("Raised Exceptions");
        raised.setDescription("Stop where any exception is raised, caught or not (MicroPython reports only"
                + " subclasses of Exception)");
        raised.setDefault_(false);
        ExceptionBreakpointsFilter uncaught = new ExceptionBreakpointsFilter();
        uncaught.setFilter(UNCAUGHT);
        uncaught.setLabel("Uncaught Exceptions");
        uncaught.setDescription("Stop where an exception that nothing catches is raised");
        uncaught.setDefault_(true);
        return List.of(raised, uncaught);
    }

    @Override
    public List<Breakpoint> setExceptionBreakpoints(List<String> filters, List<ExceptionFilterOptions> filterOptions,
            List<ExceptionOptions> exceptionOptions) throws TargetException {
        AgentSession s = session("setExceptionBreakpoints");
        List<String> enabled = new ArrayList<>(filters);
        filterOptions.forEach(o -> enabled.add(o.getFilterId()));
        if (enabled.isEmpty() && !s.link.isOpen()) {
            return List.of(); // clearing after the program ended: nothing is left to clear
        }
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("raised", enabled.contains(RAISED));
        arguments.put("uncaught", enabled.contains(UNCAUGHT));
        s.link.request("exc", arguments);
        List<Breakpoint> answers = new ArrayList<>();
        for (String filter : enabled) {
            Breakpoint answer = new Breakpoint();
            boolean known = filter.equals(RAISED) || filter.equals(UNCAUGHT);
            answer.setVerified(known);
            if (!known) {
                answer.setMessage("unknown exception filter '" + filter + "': this target has '" + RAISED + "' and '"
                        + UNCAUGHT + "'");
            }
            answers.add(answer);
        }
        return answers;
    }

    @Override
    public ExceptionInfoResponse exceptionInfo(int threadId) throws TargetException {
        ExceptionInfoResponse info = session("exceptionInfo").stops.exception(threadId);
        if (info == null) {
            throw MicroPythonErrors.noException(threadId);
        }
        return info;
    }

    @Override
    public SourceContent source(Source source) throws TargetException {
        session("source");
        if (source.getPath() == null) {
            throw MicroPythonErrors.noSource(String.valueOf(source.getName()), "it has no path on the device");
        }
        return new SourceContent(inspection.source(source.getPath()), "text/x-python");
    }

    @Override
    public void disconnect(boolean terminateDebuggee) throws TargetException {
        if (session == null) {
            return;
        }
        if (terminateDebuggee) {
            session.terminate();
        } else {
            session.detach();
        }
    }

    @Override
    public void terminate() throws TargetException {
        session("terminate").terminate();
    }

    private AgentSession session(String request) throws TargetException {
        if (session == null) {
            throw MicroPythonErrors.noAgent(request);
        }
        return session;
    }

    private static ObjectNode thread(AgentSession session, int threadId) throws TargetException {
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("t", session.threads.agent(threadId));
        return arguments;
    }

    private static AgentFrame own(TargetFrame frame) throws TargetException {
        if (frame instanceof AgentFrame own) {
            return own;
        }
        throw MicroPythonErrors.foreign("frame", frame);
    }
}
