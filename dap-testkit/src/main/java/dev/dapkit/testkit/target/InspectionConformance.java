package dev.dapkit.testkit.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import dev.dapkit.testkit.target.ConformanceProgram.Lines;
import dev.dapkit.testkit.target.ConformanceProgram.StructuredLocal;
import dev.dapkit.testkit.target.ConformanceProgram.ThreadsProgram;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;

/**
 * Looking into a stopped debuggee: threads, the stack (with paging), scopes and variables,
 * expanding a structured value, evaluating in the contexts VS Code uses, and the rule that the
 * numbers handed out while stopped go stale when the program resumes.
 */
public abstract class InspectionConformance extends ConformanceScenarios {

    @Test
    public void threadsListTheStoppedThread() throws Exception {
        Stopped at = stoppedAtCall();
        List<Thread> threads = threads(at.session());
        assertTrue(threads.stream().anyMatch(t -> t.getId() == at.threadId()), "threads lists the stopped thread "
                + at.threadId() + ": " + threads.stream().map(t -> t.getId() + " " + t.getName()).toList());
        assertEquals(threads.size(), threads.stream().map(Thread::getId).distinct().count(), "thread ids are unique");
        int unknown = threads.stream().mapToInt(Thread::getId).max().orElse(0) + 1000;
        StackTraceArguments arguments = new StackTraceArguments();
        arguments.setThreadId(unknown);
        Response response = at.session().client().requestResponse("stackTrace", arguments, ClientSession.WAIT);
        assertFalse(response.success(), "stackTrace of thread " + unknown + ", which threads does not list, is refused");
        assertTrue(response.message() != null && !response.message().isBlank(), "with a message");
    }

    @Test
    public void stackTraceShowsTheCallInTheClientsPathAndPages() throws Exception {
        Lines lines = program().lines();
        Stopped at = stoppedAt(ClientSession.breakpoint(lines.addBody()));
        ClientSession session = at.session();
        StackTraceResponse all = session.stackTrace(at.threadId(), null, null);
        List<StackFrame> frames = Arrays.asList(all.getStackFrames());
        assertTrue(frames.size() >= 2, "add() and its caller are on the stack: " + names(frames));
        assertAt(program().mainPath(), lines.addBody(), frames.get(0), "the top frame");
        assertAt(program().mainPath(), lines.call(), frames.get(1), "the caller");
        if (all.getTotalFrames() != null) {
            assertEquals(frames.size(), all.getTotalFrames(), "totalFrames of a whole stack");
        }
        Set<Integer> ids = new HashSet<>();
        frames.forEach(f -> assertTrue(ids.add(f.getId()), "frame ids are unique: " + f.getId()));

        StackTraceResponse top = session.stackTrace(at.threadId(), 0, 1);
        assertEquals(1, top.getStackFrames().length, "levels 1 gives one frame");
        assertSameFrame(frames.get(0), top.getStackFrames()[0]);
        if (top.getTotalFrames() != null) {
            assertTrue(top.getTotalFrames() == frames.size() || top.getTotalFrames() > 1,
                    "totalFrames of a first page tells the client more frames exist: " + top.getTotalFrames());
        }
        StackTraceResponse second = session.stackTrace(at.threadId(), 1, 1);
        assertEquals(1, second.getStackFrames().length, "startFrame 1, levels 1 gives one frame");
        assertSameFrame(frames.get(1), second.getStackFrames()[0]);
        StackTraceResponse rest = session.stackTrace(at.threadId(), 1, 1000);
        assertEquals(frames.size() - 1, rest.getStackFrames().length, "a page asking for more than is left gets the rest");
        assertEquals(0, session.stackTrace(at.threadId(), frames.size(), 1).getStackFrames().length,
                "a page past the bottom of the stack is empty");
    }

    @Test
    public void variablesShowTheLocalsWithTheirValues() throws Exception {
        Stopped at = stoppedAtCall();
        ClientSession session = at.session();
        StoppedEventArguments third = session.continueToNextStop(session.continueToNextStop(at.threadId()).getThreadId());
        List<Scope> scopes = session.scopes(session.topFrame(third.getThreadId()).getId());
        assertFalse(scopes.isEmpty(), "a frame has at least one scope");
        scopes.forEach(s -> assertTrue(s.getVariablesReference() > 0, "scope '" + s.getName() + "' can be expanded"));
        Map<String, Variable> visible = session.visibleVariables(session.topFrame(third.getThreadId()).getId());
        assertValue("1", visible, "total", "total at the third pass (0 + 0 + 1)");
        assertValue("2", visible, "i", "i at the third pass");
    }

    @Test
    public void aStructuredValueExpandsIntoItsChildren() throws Exception {
        StructuredLocal structured = require(ConformanceProgram::structuredLocal, "structured local");
        Stopped at = stoppedAtCall();
        Map<String, Variable> visible = at.session().visibleVariables(at.session().topFrame(at.threadId()).getId());
        Variable value = visible.get(structured.name());
        assertNotNull(value, structured.name() + " is visible at CALL; visible are " + visible.keySet());
        assertTrue(value.getVariablesReference() > 0, structured.name() + " can be expanded");
        List<String> children = at.session().variables(value.getVariablesReference()).stream()
                .map(v -> v.getValue().strip()).toList();
        assertEquals(structured.childValues(), children, "the children of " + structured.name());

        EvaluateResponse evaluated = at.session().evaluate(structured.name(), at.session().topFrame(at.threadId()).getId(),
                "watch");
        assertTrue(evaluated.getVariablesReference() > 0, "evaluating " + structured.name() + " gives a value to expand");
        assertEquals(structured.childValues(), at.session().variables(evaluated.getVariablesReference()).stream()
                .map(v -> v.getValue().strip()).toList(), "the children of the evaluated " + structured.name());
    }

    @Test
    public void setVariableChangesWhatTheProgramComputes() throws Exception {
        Stopped at = stoppedAtCall();
        ClientSession session = at.session();
        requireCapability(session.capabilities().getSupportsSetVariable(), "supportsSetVariable");
        int frameId = session.topFrame(at.threadId()).getId();
        Scope holder = session.scopes(frameId).stream()
                .filter(s -> session.variables(s.getVariablesReference()).stream().anyMatch(v -> v.getName().equals("total")))
                .findFirst().orElseThrow(() -> new AssertionError("no scope of the CALL frame shows total"));
        SetVariableArguments set = new SetVariableArguments();
        set.setVariablesReference(holder.getVariablesReference());
        set.setName("total");
        set.setValue("100");
        SetVariableResponse response = session.client().request("setVariable", set, SetVariableResponse.class,
                ClientSession.WAIT);
        assertEquals("100", response.getValue().strip(), "setVariable answers with the new value");
        assertEquals("100", session.visibleVariables(session.topFrame(at.threadId()).getId()).get("total").getValue()
                .strip(), "variables shows the new value");
        session.setBreakpoints(program().mainPath());
        session.resume(at.threadId());
        session.awaitOutput("total 110");
        assertEquals(0, session.awaitExited());
    }

    @Test
    public void evaluateComputesInTheFrameForReplWatchAndHover() throws Exception {
        Stopped at = stoppedAtCall();
        ClientSession session = at.session();
        StoppedEventArguments third = session.continueToNextStop(session.continueToNextStop(at.threadId()).getThreadId());
        int frameId = session.topFrame(third.getThreadId()).getId();
        List<String> contexts = Boolean.TRUE.equals(session.capabilities().getSupportsEvaluateForHovers())
                ? List.of("repl", "watch", "hover") : List.of("repl", "watch");
        for (String context : contexts) {
            EvaluateResponse result = session.evaluate("total + 1", frameId, context);
            assertEquals("2", result.getResult().strip(), "'total + 1' in the " + context + " context");
            assertEquals(0, result.getVariablesReference(), "a number has no children");
        }
    }

    @Test
    public void evaluateOfAnUnknownNameIsAnErrorResponseThatSaysSo() throws Exception {
        Stopped at = stoppedAtCall();
        int frameId = at.session().topFrame(at.threadId()).getId();
        Response response = at.session().client().requestResponse("evaluate",
                ClientSession.evaluateArguments("no_such_name + 1", frameId, "repl"), ClientSession.WAIT);
        assertFalse(response.success(), "evaluating an unknown name fails");
        assertTrue(response.message() != null && !response.message().isBlank(), "the error has a message");
        assertEquals(0, at.session().count("terminated"), "a failed evaluation leaves the debuggee alone");
        assertEquals(program().lines().call(), line(at.session(), at.threadId()), "and the program where it stopped");
    }

    @Test
    public void handlesFromBeforeAResumeAreRefusedAfterIt() throws Exception {
        Stopped at = stoppedAtCall();
        ClientSession session = at.session();
        int staleFrame = session.topFrame(at.threadId()).getId();
        int staleScope = session.scopes(staleFrame).get(0).getVariablesReference();

        StoppedEventArguments again = session.continueToNextStop(at.threadId());
        int frame = session.topFrame(again.getThreadId()).getId();
        int scope = session.scopes(frame).get(0).getVariablesReference();
        assertNotEquals(staleScope, scope, "a new stop issues new numbers, never the stale ones again");

        Response variables = session.client().requestResponse("variables", ClientSession.variablesArguments(staleScope),
                ClientSession.WAIT);
        assertFalse(variables.success(), "variables of a variablesReference from before the resume is refused");
        assertTrue(variables.message() != null && !variables.message().isBlank(), "with a message");
        ScopesArguments staleScopes = new ScopesArguments();
        staleScopes.setFrameId(staleFrame);
        assertFalse(session.client().requestResponse("scopes", staleScopes, ClientSession.WAIT).success(),
                "scopes of a frameId from before the resume is refused");
        assertFalse(session.visibleVariables(frame).isEmpty(), "the new numbers work");
    }

    @Test
    public void aSecondThreadIsListedAndItsStackReadable() throws Exception {
        ThreadsProgram program = require(ConformanceProgram::threads, "threads program");
        ClientSession session = openSession();
        session.launch(program.launchArguments(), program.path(), ClientSession.breakpoint(program.workerLine()));
        StoppedEventArguments stop = session.awaitStopped();
        assertAt(program.path(), program.workerLine(), session.topFrame(stop.getThreadId()), "the second thread's stop");
        List<Thread> threads = threads(session);
        assertTrue(threads.size() >= 2, "both threads are listed: " + threads.stream().map(Thread::getName).toList());
        if (Boolean.TRUE.equals(stop.getAllThreadsStopped())) {
            for (Thread thread : threads) {
                assertFalse(session.frames(thread.getId()).isEmpty(), "stopped thread " + thread.getId() + " '"
                        + thread.getName() + "' has a stack");
            }
        }
        session.setBreakpoints(program.path());
        session.resume(stop.getThreadId());
        assertEquals(0, session.awaitExited());
        session.awaitTerminated();
    }

    private static List<Thread> threads(ClientSession session) {
        ThreadsResponse response = session.client().request("threads", null, ThreadsResponse.class, ClientSession.WAIT);
        return Arrays.asList(response.getThreads());
    }

    private static void assertSameFrame(StackFrame expected, StackFrame actual) {
        assertEquals(expected.getName(), actual.getName(), "the paged frame's name");
        assertEquals(expected.getLine(), actual.getLine(), "the paged frame's line");
        assertEquals(expected.getSource() == null ? null : expected.getSource().getPath(),
                actual.getSource() == null ? null : actual.getSource().getPath(), "the paged frame's source");
    }

    private static void assertValue(String expected, Map<String, Variable> visible, String name, String what) {
        Variable variable = visible.get(name);
        assertNotNull(variable, name + " is visible; visible are " + visible.keySet());
        assertEquals(expected, variable.getValue().strip(), what);
    }

    private static List<String> names(List<StackFrame> frames) {
        return frames.stream().map(f -> f.getName() + ":" + f.getLine()).toList();
    }
}
