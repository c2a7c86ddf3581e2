package dev.dapkit.bench.jvm;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ArrayReference;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.ListeningConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.event.VMStartEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The baseline: the least a hand-written JDI debugger does. It listens with JDI's socket connector,
 * starts {@code java} with a debug agent that connects back (as dapkit's launcher does), arms the
 * breakpoint when the class prepares, and takes events from the queue on the calling thread, with
 * {@code remove()} and a watchdog rather than {@code remove(timeout)}, which starts a thread per
 * call (see {@link EventWaitWatchdog}). A
 * refresh reads the thread names, 20 frames (method, line, file) and the top frame's locals as
 * text; the conditional breakpoint reads {@code i} from the top frame on each hit, compares it,
 * and resumes. No step filters, no handles, no protocol.
 *
 * <p>Not thread-safe: one benchmark thread.
 */
final class RawJdiDebugger implements BenchDebugger {

    private static final long EVENT_TIMEOUT_SECONDS = 60;

    private final DebuggeeProgram program;
    private final EventWaitWatchdog watchdog = new EventWaitWatchdog(Thread.currentThread(), EVENT_TIMEOUT_SECONDS);
    private VirtualMachine vm;
    private Process process;
    private ReferenceType type;
    private ThreadReference thread;
    private BreakpointRequest breakpoint;
    private BreakpointRequest hot;
    private BreakpointRequest hotEnd;
    private LocalVariable hotIndex;
    private ArrayReference data;

    RawJdiDebugger(DebuggeeProgram program) {
        this.program = program;
    }

    @Override
    public void start() throws Exception {
        ListeningConnector connector = Bootstrap.virtualMachineManager().listeningConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketListen")).findFirst()
                .orElseThrow(() -> new IllegalStateException("this JDK has no com.sun.jdi.SocketListen connector"));
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("localAddress").setValue("127.0.0.1");
        arguments.get("port").setValue("0");
        String address = connector.startListening(arguments);
        String port = address.substring(address.lastIndexOf(':') + 1);
        List<String> command = new ArrayList<>(List.of(program.javaExec(),
                "-agentlib:jdwp=transport=dt_socket,server=n,suspend=y,address=127.0.0.1:" + port,
                "-cp", program.classPath(), DebuggeeProgram.mainClass()));
        command.addAll(program.args());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            vm = connector.accept(arguments);
        } finally {
            connector.stopListening(arguments);
        }
        EventRequestManager requests = vm.eventRequestManager();
        EventSet started = await(e -> e instanceof VMStartEvent);
        ClassPrepareRequest prepare = requests.createClassPrepareRequest();
        prepare.addClassFilter(DebuggeeProgram.mainClass());
        prepare.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        prepare.enable();
        started.resume();
        EventSet prepared = await(e -> e instanceof ClassPrepareEvent);
        type = ((ClassPrepareEvent) prepared.iterator().next()).referenceType();
        requests.deleteEventRequest(prepare);
        breakpoint = breakpointAt(program.line("step"));
        prepared.resume();
        thread = stoppedThread(await(e -> e instanceof BreakpointEvent));
    }

    @Override
    public void stepOver() throws Exception {
        EventRequestManager requests = vm.eventRequestManager();
        StepRequest step = requests.createStepRequest(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER);
        step.addCountFilter(1);
        step.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        step.enable();
        vm.resume();
        await(e -> e instanceof StepEvent);
        requests.deleteEventRequest(step);
    }

    @Override
    public int refresh() throws Exception {
        List<String> shown = new ArrayList<>();
        for (ThreadReference t : vm.allThreads()) {
            shown.add(t.name());
        }
        List<StackFrame> frames = thread.frames(0, 20);
        for (StackFrame frame : frames) {
            shown.add(describe(frame.location()));
        }
        StackFrame top = frames.get(0);
        List<LocalVariable> locals = top.visibleVariables();
        Map<LocalVariable, Value> values = top.getValues(locals);
        for (LocalVariable local : locals) {
            shown.add(local.name() + " = " + text(values.get(local)));
        }
        return locals.size();
    }

    @Override
    public void openArray() throws Exception {
        StackFrame top = thread.frame(0);
        data = (ArrayReference) top.getValue(top.visibleVariableByName("data"));
    }

    @Override
    public int arrayPage(int start) {
        List<Value> values = data.getValues(start, 1000);
        List<String> shown = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            shown.add("[" + (start + i) + "] = " + text(values.get(i)));
        }
        return shown.size();
    }

    @Override
    public void goDeep() throws Exception {
        vm.eventRequestManager().deleteEventRequest(breakpoint);
        breakpoint = breakpointAt(program.line("deep"));
        nextDeepStop();
    }

    @Override
    public void nextDeepStop() throws Exception {
        vm.resume();
        await(e -> e instanceof BreakpointEvent b && b.request() == breakpoint);
    }

    @Override
    public int stack1000() throws Exception {
        List<StackFrame> frames = thread.frames(0, 1000);
        List<String> shown = new ArrayList<>(frames.size());
        for (StackFrame frame : frames) {
            shown.add(describe(frame.location()));
        }
        return shown.size();
    }

    @Override
    public void goHot() throws Exception {
        vm.eventRequestManager().deleteEventRequest(breakpoint);
        hot = breakpointAt(program.line("hot"));
        hotEnd = breakpointAt(program.line("hotEnd"));
    }

    @Override
    public long runHotLoop() throws Exception {
        long hits = 0;
        vm.resume();
        while (true) {
            EventSet set = next();
            for (Event event : set) {
                if (event instanceof BreakpointEvent b && b.request() == hotEnd) {
                    return hits;
                }
                if (event instanceof BreakpointEvent b && b.request() == hot) {
                    StackFrame frame = b.thread().frame(0);
                    if (hotIndex == null) {
                        hotIndex = frame.visibleVariableByName("i");
                    }
                    if (((IntegerValue) frame.getValue(hotIndex)).value() == -1) {
                        throw new IllegalStateException("the never-true condition i == -1 held");
                    }
                    hits++;
                }
            }
            set.resume();
        }
    }

    @Override
    public void close() throws Exception {
        watchdog.close();
        if (vm != null) {
            try {
                vm.exit(0);
            } catch (RuntimeException gone) {
                // the debuggee ended already
            }
        }
        if (process != null && !process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private BreakpointRequest breakpointAt(int line) throws AbsentInformationException {
        List<Location> locations = type.locationsOfLine(line);
        if (locations.isEmpty()) {
            throw new IllegalStateException("no code at line " + line + " of " + type.name());
        }
        BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(locations.get(0));
        request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        request.enable();
        return request;
    }

    /** The next event set that holds an event {@code wanted}; other sets are resumed. */
    private EventSet await(Predicate<Event> wanted) throws InterruptedException {
        while (true) {
            EventSet set = next();
            for (Event event : set) {
                if (wanted.test(event)) {
                    return set;
                }
            }
            set.resume();
        }
    }

    private EventSet next() throws InterruptedException {
        watchdog.waiting();
        EventSet set;
        try {
            set = vm.eventQueue().remove();
        } catch (InterruptedException e) {
            if (watchdog.done()) {
                throw new IllegalStateException("no JDI event within " + EVENT_TIMEOUT_SECONDS + " s");
            }
            throw e;
        } finally {
            watchdog.done();
        }
        for (Event event : set) {
            if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                throw new IllegalStateException("the debuggee ended unexpectedly: " + event);
            }
        }
        return set;
    }

    private static ThreadReference stoppedThread(EventSet set) {
        for (Event event : set) {
            if (event instanceof LocatableEvent located) {
                return located.thread();
            }
        }
        throw new IllegalStateException("the event set " + set + " names no thread");
    }

    private static String describe(Location location) {
        String file;
        try {
            file = location.sourceName();
        } catch (AbsentInformationException e) {
            file = "?";
        }
        return location.declaringType().name() + "." + location.method().name() + " (" + file + ":"
                + location.lineNumber() + ")";
    }

    private static String text(Value value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof StringReference s) {
            return '"' + s.value() + '"';
        }
        if (value instanceof ArrayReference array) {
            return array.type().name() + "[" + array.length() + "]";
        }
        return value.toString();
    }
}
