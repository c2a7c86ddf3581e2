package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.RestartFrameArguments;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.SteppingGranularity;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;

/** Pausing, stepping through lambdas and past the JDK, restarting a frame, instruction steps, terminating. */
class JvmExecutionTest {

    @Test
    void pauseStopsARunningLoopAndTerminateEndsIt() {
        try (ServedJvm jvm = ServedJvm.open()) {
            // Reach the loop first: a pause right after launch may land in the launcher's own code.
            jvm.launch(Samples.launch("Looping"), "Looping", Samples.line("Looping", "LOOP_BODY"));
            jvm.stopped();
            jvm.setBreakpoints(Samples.path("Looping"));
            Thread main = Arrays.stream(jvm.request("threads", null, ThreadsResponse.class).getThreads())
                    .filter(t -> t.getName().equals("main")).findFirst().orElseThrow();
            jvm.resume(main.getId());
            StoppedEventArguments paused = pause(jvm, main.getId());
            assertEquals(main.getId(), paused.getThreadId());
            assertTrue(Boolean.TRUE.equals(paused.getAllThreadsStopped()));
            StackFrame top = jvm.top(main.getId());
            assertTrue(top.getName().startsWith("Looping.main"), top.getName());
            jvm.resume(main.getId());
            pause(jvm, main.getId());
            jvm.request("terminate", new TerminateArguments(), Void.class);
            jvm.awaitExit();
        }
    }

    @Test
    void theStackOfARunningThreadIsRefusedSayingItRuns() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Looping"), "Looping", Samples.line("Looping", "LOOP_BODY"));
            int threadId = jvm.stopped().getThreadId();
            jvm.setBreakpoints(Samples.path("Looping"));
            jvm.resume(threadId);
            StackTraceArguments arguments = new StackTraceArguments();
            arguments.setThreadId(threadId);
            Response response = jvm.requestResponse("stackTrace", arguments);
            assertFalse(response.success(), "the stack of a running thread cannot be read");
            String said = response.message() + " " + response.body();
            assertTrue(said.contains("thread " + threadId + " suspended, but it is running"), said);
            jvm.request("terminate", new TerminateArguments(), Void.class);
            jvm.awaitExit();
        }
    }

    @Test
    void stepInEntersALambdaThroughTheJdkAndStepOutNeverStopsInTheJdk() {
        int lambda = Samples.line("Nested", "LAMBDA");
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Nested"), "Nested", lambda);
            StoppedEventArguments stop = jvm.stopped();
            jvm.setBreakpoints(Samples.path("Nested"));
            stop = jvm.stepIn(stop.getThreadId());
            StackFrame[] frames = jvm.stack(stop.getThreadId());
            assertTrue(frames[0].getName().startsWith("Nested.lambda$run$0"), "stepIn goes through List.forEach into"
                    + " the lambda: " + frames[0].getName());
            assertEquals(lambda, frames[0].getLine());
            assertTrue(Arrays.stream(frames).anyMatch(f -> f.getName().contains("forEach")
                    && f.getPresentationHint() == org.eclipse.lsp4j.debug.StackFramePresentationHint.SUBTLE), "the JDK frames between are there, marked subtle");
            // out of the lambda (into the next call of it, or back to run()), out of run() into main()
            String where = "";
            for (int i = 0; i < 3 && !where.startsWith("Nested.main"); i++) {
                stop = jvm.stepOut(stop.getThreadId());
                where = jvm.top(stop.getThreadId()).getName();
                assertTrue(where.startsWith("Nested."), "a step never stops in the JDK: " + where);
            }
            assertTrue(where.startsWith("Nested.main"), "stepping out reaches main: " + where);
        }
    }

    @Test
    void stepInOnALineOfJdkCallsGoesToTheNextLine() {
        int look = Samples.line("Collections", "LOOK");
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Collections"), "Collections", look);
            StoppedEventArguments stop = jvm.stopped();
            stop = jvm.stepIn(stop.getThreadId());
            StackFrame top = jvm.top(stop.getThreadId());
            assertEquals("Collections.main(String[])", top.getName());
            assertEquals(look + 1, top.getLine());
        }
    }

    @Test
    void restartFrameReentersTheMethodWithItsArguments() {
        try (ServedJvm jvm = ServedJvm.open()) {
            assertTrue(jvm.initialize(false).getSupportsRestartFrame());
            jvm.launch(Samples.launch("Canonical"), "Canonical", Samples.line("Canonical", "ADD_RETURN"));
            StoppedEventArguments stop = jvm.stopped();
            stop = jvm.continueAndStop(stop.getThreadId());
            assertEquals("1", jvm.locals(stop.getThreadId()).get("b").getValue(), "add(0, 1) at the second pass");
            StackFrame[] frames = jvm.stack(stop.getThreadId());
            assertTrue(frames[0].getCanRestart(), "add() can be restarted");
            assertFalse(frames[1].getCanRestart(), "main, the first frame, cannot");
            RestartFrameArguments restart = new RestartFrameArguments();
            restart.setFrameId(frames[0].getId());
            jvm.request("restartFrame", restart, Void.class);
            StoppedEventArguments restarted = jvm.stopped();
            assertEquals("restart", restarted.getReason());
            StackFrame top = jvm.top(restarted.getThreadId());
            assertEquals(Samples.line("Canonical", "ADD_BODY"), top.getLine(), "back at add()'s first line");
            assertEquals("1", jvm.locals(restarted.getThreadId()).get("b").getValue(), "with the same arguments");
            assertEquals(null, jvm.locals(restarted.getThreadId()).get("s"), "s is not assigned yet");
        }
    }

    @Test
    void instructionStepsStayOnTheLineUntilItsCodeIsDone() {
        int body = Samples.line("Canonical", "ADD_BODY");
        try (ServedJvm jvm = ServedJvm.open()) {
            assertTrue(jvm.initialize(false).getSupportsSteppingGranularity());
            jvm.launch(Samples.launch("Canonical"), "Canonical", body);
            StoppedEventArguments stop = jvm.stopped();
            NextArguments next = new NextArguments();
            next.setThreadId(stop.getThreadId());
            next.setGranularity(SteppingGranularity.INSTRUCTION);
            jvm.request("next", next, Void.class);
            StoppedEventArguments stepped = jvm.stopped();
            assertEquals(StoppedEventArgumentsReason.STEP, stepped.getReason());
            assertEquals(body, jvm.top(stepped.getThreadId()).getLine(), "one instruction of 'int s = a + b;' later");
            StoppedEventArguments line = jvm.next(stepped.getThreadId());
            assertEquals(Samples.line("Canonical", "ADD_RETURN"), jvm.top(line.getThreadId()).getLine());
        }
    }

    @Test
    void theThreadsOfADebuggeeAreListedWithTheirGroupsAndTheirEventsReported() {
        int worker = Samples.line("Threads", "WORKER");
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Threads"), "Threads", worker);
            StoppedEventArguments stop = jvm.stopped();
            List<Thread> threads = Arrays.asList(jvm.request("threads", null, ThreadsResponse.class).getThreads());
            assertTrue(threads.stream().anyMatch(t -> t.getId() == stop.getThreadId() && t.getName().equals("worker")),
                    "the stopped worker is listed: " + threads.stream().map(Thread::getName).toList());
            assertTrue(threads.stream().anyMatch(t -> t.getName().equals("Reference Handler [system]")),
                    "threads outside main's group show their group: " + threads.stream().map(Thread::getName).toList());
            assertTrue(threads.stream().noneMatch(t -> t.getName().startsWith("Signal Dispatcher")),
                    "the JVM's frameless service threads are not listed: " + threads.stream().map(Thread::getName).toList());
            List<Thread> again = Arrays.asList(jvm.request("threads", null, ThreadsResponse.class).getThreads());
            assertEquals(threads.stream().map(Thread::getName).toList(), again.stream().map(Thread::getName).toList(),
                    "asked again at the same stop, the same threads");
            jvm.setBreakpoints(Samples.path("Threads"));
            jvm.resume(stop.getThreadId());
            assertEquals(0, jvm.awaitExit());
            assertTrue(jvm.client.events().stream().anyMatch(e -> e.event().equals("thread")
                    && e.body(org.eclipse.lsp4j.debug.ThreadEventArguments.class).getThreadId() == stop.getThreadId()
                    && "exited".equals(e.body(org.eclipse.lsp4j.debug.ThreadEventArguments.class).getReason())),
                    "the worker's exit was reported");
        }
    }

    @Test
    void aThreadRenamedAtAStopIsListedByItsNewNameThoughTheListWasReadAhead() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Threads"), "Threads", Samples.line("Threads", "WORKER"));
            int worker = jvm.stopped().getThreadId();
            assertEquals("worker", nameOf(jvm, worker));
            EvaluateArguments rename = new EvaluateArguments();
            // not setName(): synchronized on the thread, whose monitor the suspended main thread may
            // still hold in start() when the worker stops this early, so a single-threaded run would wait
            rename.setExpression("Thread.currentThread().name = \"renamed\"");
            rename.setFrameId(jvm.top(worker).getId());
            rename.setContext("repl");
            jvm.request("evaluate", rename, EvaluateResponse.class);
            assertEquals("renamed", nameOf(jvm, worker), "the list read at the stop was shown after the rename");
            jvm.setBreakpoints(Samples.path("Threads"));
            jvm.resume(worker);
            assertEquals(0, jvm.awaitExit());
        }
    }

    private static String nameOf(ServedJvm jvm, int threadId) {
        return Arrays.stream(jvm.request("threads", null, ThreadsResponse.class).getThreads())
                .filter(t -> t.getId() == threadId).map(Thread::getName).findFirst().orElse("(not listed)");
    }

    private static StoppedEventArguments pause(ServedJvm jvm, int threadId) {
        PauseArguments pause = new PauseArguments();
        pause.setThreadId(threadId);
        jvm.request("pause", pause, Void.class);
        StoppedEventArguments stop = jvm.stopped();
        assertEquals(StoppedEventArgumentsReason.PAUSE, stop.getReason());
        return stop;
    }

    /**
     * From the second stop on, the locals of the top frame were read ahead (the client opened them
     * at the stop before): each stop must still show that stop's values, and a value set at a stop
     * must show at once.
     */
    @Test
    void theLocalsShownAtEachStopAreThatStopsEvenWhenReadAhead() {
        try (ServedJvm summing = ServedJvm.open()) {
            summing.launch(Samples.launch("Summing"), "Summing", Samples.line("Summing", "ADD"));
            int main = summing.stopped().getThreadId();
            int[] sumBefore = {0, 0, 1, 3};
            for (int i = 0; i < sumBefore.length; i++) {
                Map<String, Variable> shown = summing.locals(main);
                assertEquals(String.valueOf(i), shown.get("i").getValue(), "i at pass " + i);
                assertEquals(String.valueOf(sumBefore[i]), shown.get("sum").getValue(), "sum at pass " + i);
                if (i < sumBefore.length - 1) {
                    summing.continueAndStop(main);
                }
            }
            int locals = summing.scopes(summing.top(main).getId()).get(0).getVariablesReference();
            SetVariableArguments arguments = new SetVariableArguments();
            arguments.setVariablesReference(locals);
            arguments.setName("sum");
            arguments.setValue("100");
            summing.request("setVariable", arguments, SetVariableResponse.class);
            assertEquals("100", summing.locals(main).get("sum").getValue(), "the value set, at the same stop");
            summing.continueAndStop(main);
            assertEquals("103", summing.locals(main).get("sum").getValue(), "the next stop, after 100 + 3");
        }
    }
}
