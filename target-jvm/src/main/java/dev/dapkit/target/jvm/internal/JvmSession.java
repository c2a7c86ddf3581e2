package dev.dapkit.target.jvm.internal;

import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMStartEvent;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.target.jvm.JvmAttachConfiguration;
import dev.dapkit.target.jvm.JvmLaunchConfiguration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected JVM and everything the target keeps about it: the thread ids, the source paths,
 * the breakpoint sets, the execution state and the event thread. Ends when the JVM exits or the
 * connection drops: then {@code exited} (with the code, for a process the target started, once its
 * output is all sent) and {@code terminated} are reported; a detach ends it quietly.
 *
 * <p>Thread-safe: made on the session thread, ended from the event thread.
 */
final class JvmSession {

    private static final Logger LOG = LoggerFactory.getLogger(JvmSession.class);

    /** How long a terminated JVM has to exit before it is killed. */
    private static final long GRACE_MILLIS = 3000;

    final VirtualMachine vm;
    final ThreadRegistry threads;
    final SourcePaths sources;
    final ExecutionControl execution;
    final LineBreakpoints lines;
    final FunctionBreakpointSet functions;
    final ExceptionBreakpointSet exceptions;
    final Watchpoints watchpoints;
    final MethodInvoker invoker;
    final ValueView view;
    final StackReader stacks;
    final StopReadAhead readAhead;
    final ExpressionEvaluation evaluation;
    private final TargetEvents events;
    private final DebuggeeLauncher.Launched launched;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean detaching;

    private JvmSession(VirtualMachine vm, TargetContext context, SourcePaths sources,
            DebuggeeLauncher.Launched launched) {
        this.vm = vm;
        this.events = context.events();
        this.launched = launched;
        this.sources = sources;
        this.threads = new ThreadRegistry(vm);
        this.execution = new ExecutionControl(vm, threads, events);
        this.lines = new LineBreakpoints(vm, sources, events);
        this.functions = new FunctionBreakpointSet(vm, sources, events);
        this.exceptions = new ExceptionBreakpointSet(vm);
        this.watchpoints = new Watchpoints(vm);
        this.invoker = new MethodInvoker(execution);
        this.view = new ValueView(invoker, context);
        this.stacks = new StackReader(sources);
        this.readAhead = new StopReadAhead(threads, execution);
        this.evaluation = new ExpressionEvaluation(this);
        execution.onResume(evaluation::releaseResults);
    }

    /** Starts a JVM for the configuration; it stays suspended until {@code configurationDone}. */
    static JvmSession launch(TargetContext context, JvmLaunchConfiguration config) throws TargetException {
        DebuggeeLauncher.Launched launched = DebuggeeLauncher.launch(config, context);
        JvmSession session = new JvmSession(launched.vm(), context,
                new SourcePaths(config.sourcePaths(), config.cwd()), launched);
        try {
            session.awaitStart();
            session.watchThreads();
        } catch (TargetException e) {
            abandon(launched);
            throw e;
        } catch (VMDisconnectedException e) {
            abandon(launched);
            throw JvmErrors.cannotLaunch("the JVM disconnected as it started");
        }
        session.loop(config.mainClass());
        return session;
    }

    /** A JVM that started but cannot be debugged must not be left behind. */
    private static void abandon(DebuggeeLauncher.Launched launched) {
        if (launched.process() != null) {
            launched.process().destroyForcibly();
        }
        try {
            launched.vm().dispose();
        } catch (VMDisconnectedException gone) {
            // already gone
        }
    }

    /** Connects to a JVM that listens for a debugger. */
    static JvmSession attach(TargetContext context, JvmAttachConfiguration config) throws TargetException {
        VirtualMachine vm = VmAttacher.attach(config);
        JvmSession session = new JvmSession(vm, context, new SourcePaths(config.sourcePaths(), null), null);
        session.watchThreads();
        session.loop(config.hostName() + ":" + config.port());
        return session;
    }

    /** The JVM's start event; the JVM stays suspended at it. */
    private void awaitStart() throws TargetException {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                EventSet set = vm.eventQueue().remove(1000);
                if (set == null) {
                    continue;
                }
                for (Event event : set) {
                    if (event instanceof VMStartEvent) {
                        execution.started(set.suspendPolicy());
                        return;
                    }
                }
                set.resume();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw JvmErrors.cannotLaunch("the JVM connected but never reported its start");
    }

    private void watchThreads() {
        EventRequestManager manager = vm.eventRequestManager();
        EventRequest start = manager.createThreadStartRequest();
        start.setSuspendPolicy(EventRequest.SUSPEND_NONE);
        start.enable();
        EventRequest death = manager.createThreadDeathRequest();
        death.setSuspendPolicy(EventRequest.SUSPEND_NONE);
        death.enable();
    }

    private void loop(String name) {
        new JdiEventLoop(vm, threads, events, execution, exceptions, this::ended).start(name);
    }

    /** Whether the target started this JVM (and so owns it). */
    boolean isLaunched() {
        return launched != null;
    }

    /** The process the target started, or null. */
    Process process() {
        return launched == null ? null : launched.process();
    }

    /** The process id, or 0 when unknown. */
    long pid() {
        return launched == null ? 0 : launched.pid();
    }

    /** Called by the event thread when the JVM is gone. */
    private void ended(boolean died) {
        try {
            invoker.close();
            readAhead.close();
            if (detaching) {
                return;
            }
            Process process = process();
            if (process != null) {
                if (process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    launched.output().awaitDrained(2000);
                    events.exited(process.exitValue());
                } else {
                    LOG.warn("the JVM (pid {}) dropped its debug connection but runs on; it is killed", process.pid());
                    process.destroyForcibly();
                }
            }
            events.terminated();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            events.terminated();
        } finally {
            ended.countDown();
        }
    }

    /** Waits for the end of the session; returns whether it ended in time. */
    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Ends the debuggee: a started JVM gracefully (SIGTERM, then killed after a grace period), an attached one by exit. */
    void terminate() {
        Process process = process();
        if (process == null) {
            try {
                vm.exit(1);
            } catch (VMDisconnectedException e) {
                // gone already
            }
            return;
        }
        // nothing may stop it while it shuts down
        removeEverything();
        try {
            execution.release();
        } catch (VMDisconnectedException e) {
            // gone already
        }
        process.destroy();
        CompletableFuture.delayedExecutor(GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        });
    }

    /** Lets the JVM go: every request removed, every thread resumed, the connection closed; the JVM runs on. */
    void detach() {
        detaching = true;
        try {
            removeEverything();
            execution.release();
            vm.dispose();
        } catch (VMDisconnectedException e) {
            // gone already: nothing to let go
        }
    }

    private void removeEverything() {
        try {
            lines.clear();
            functions.clear();
            exceptions.clear();
            watchpoints.clear();
            EventRequestManager manager = vm.eventRequestManager();
            manager.deleteEventRequests(manager.breakpointRequests());
            manager.deleteEventRequests(manager.classPrepareRequests());
            manager.deleteEventRequests(manager.stepRequests());
        } catch (VMDisconnectedException e) {
            // gone already
        }
    }
}
