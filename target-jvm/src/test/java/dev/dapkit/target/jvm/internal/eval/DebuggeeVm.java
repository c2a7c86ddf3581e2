package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.ClassType;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMStartEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real debuggee JVM for tests, launched through JDI's {@code com.sun.jdi.CommandLineLaunch}
 * connector and stopped at a breakpoint on a method's first line. Events are awaited on the
 * event queue with a deadline, never by sleeping.
 */
final class DebuggeeVm implements AutoCloseable {

    private static final long EVENT_TIMEOUT_MS = 30_000;

    private final VirtualMachine vm;
    private final ThreadReference thread;

    private DebuggeeVm(VirtualMachine vm, ThreadReference thread) {
        this.vm = vm;
        this.thread = thread;
    }

    /** Launches {@code mainClass} from the test classes and runs it until it enters {@code stopClass.stopMethod}. */
    static DebuggeeVm launchAndStop(Class<?> mainClass, String stopMethod) throws Exception {
        LaunchingConnector connector = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        Path classes = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        arguments.get("main").setValue(mainClass.getName());
        arguments.get("options").setValue("-cp " + classes + " -XX:+UseSerialGC");
        VirtualMachine vm = connector.launch(arguments);
        drain(vm.process().getInputStream());
        drain(vm.process().getErrorStream());
        try {
            // The launch leaves the VM suspended with a VMStartEvent queued: consume it before resuming,
            // or resuming its event set later would resume past the class-prepare suspension.
            await(vm, VMStartEvent.class);
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter(mainClass.getName());
            prepare.setSuspendPolicy(EventRequest.SUSPEND_ALL);
            prepare.enable();
            vm.resume();
            ClassPrepareEvent prepared = await(vm, ClassPrepareEvent.class);
            vm.eventRequestManager().deleteEventRequest(prepare);
            ReferenceType type = prepared.referenceType();
            Method stop = type.methodsByName(stopMethod).get(0);
            BreakpointRequest breakpoint = vm.eventRequestManager().createBreakpointRequest(stop.location());
            breakpoint.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
            breakpoint.enable();
            vm.resume();
            BreakpointEvent hit = await(vm, BreakpointEvent.class);
            // One stop is all the tests need: further hits (e.g. from invoked code) must not suspend.
            vm.eventRequestManager().deleteEventRequest(breakpoint);
            return new DebuggeeVm(vm, hit.thread());
        } catch (Exception | Error e) {
            vm.exit(1);
            throw e;
        }
    }

    private static <T extends Event> T await(VirtualMachine vm, Class<T> type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + EVENT_TIMEOUT_MS;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + EVENT_TIMEOUT_MS + " ms");
            }
            EventSet events = vm.eventQueue().remove(left);
            if (events == null) {
                continue;
            }
            for (Event event : events) {
                if (type.isInstance(event)) {
                    return type.cast(event);
                }
            }
            events.resume();
        }
    }

    private static void drain(InputStream stream) {
        Thread drainer = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (stream) {
                while (stream.read(buffer) >= 0) {
                    // The debuggee's output is not under test.
                }
            } catch (IOException e) {
                // The debuggee exited and closed its end.
            }
        }, "debuggee output");
        drainer.setDaemon(true);
        drainer.start();
    }

    VirtualMachine vm() {
        return vm;
    }

    ThreadReference thread() {
        return thread;
    }

    ClassType classType(String name) {
        return (ClassType) vm.classesByName(name).get(0);
    }

    @Override
    public void close() {
        try {
            vm.exit(0);
        } catch (VMDisconnectedException e) {
            // Already gone.
        }
    }
}
