package dev.dapkit.testkit.fake;

import static dev.dapkit.testkit.fake.ServedFakeSession.breakpoint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.SourceResponse;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** More of the fake target's capabilities through the engine: function and exception breakpoints, values, sources. */
class FakeTargetFeaturesThroughServerTest {

    private ServedFakeSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.client.assertNoSchemaViolations();
            session.client.assertNoProtocolErrors();
            session.close();
        }
    }

    private ServedFakeSession serve(String program) {
        session = ServedFakeSession.of(program);
        session.initialize(false);
        return session;
    }

    @Test
    void aConditionalFunctionBreakpointIsFilteredByTheEngine() {
        ServedFakeSession s = serve(FakeTargetThroughServerTest.PROGRAM);
        SetFunctionBreakpointsArguments arguments = new SetFunctionBreakpointsArguments();
        FunctionBreakpoint add = new FunctionBreakpoint();
        add.setName("add");
        add.setCondition("b == 2");
        arguments.setBreakpoints(new FunctionBreakpoint[] {add});
        Breakpoint placed = s.launch(false, () -> s.request("setFunctionBreakpoints", arguments,
                SetFunctionBreakpointsResponse.class).getBreakpoints()[0]);
        assertTrue(placed.isVerified(), placed.toString());
        StoppedEventArguments stop = s.stopped();
        assertEquals("function breakpoint", stop.getReason());
        assertArrayEquals(new Integer[] {placed.getId()}, stop.getHitBreakpointIds());
        assertEquals("2", s.valueOf("b"));
        s.resume();
        assertEquals(3, s.awaitExit());
    }

    @Test
    void exceptionBreakpointsStopWithDetails() {
        ServedFakeSession s = serve(String.join("\n",
                "def risky(n):",
                "    raise \"too big: \" + str(n)",
                "try:",
                "    risky(5)",
                "except e:",
                "    print(\"caught\", e)"));
        SetExceptionBreakpointsResponse set = s.launch(false, () -> s.request("setExceptionBreakpoints",
                Map.of("filters", List.of(FakeTarget.RAISED)), SetExceptionBreakpointsResponse.class));
        assertEquals(1, set.getBreakpoints().length, "one per filter");
        assertTrue(set.getBreakpoints()[0].isVerified());
        StoppedEventArguments stop = s.stopped();
        assertEquals("exception", stop.getReason());
        ExceptionInfoResponse info = s.request("exceptionInfo", Map.of("threadId", 1), ExceptionInfoResponse.class);
        assertEquals(ExceptionBreakMode.ALWAYS, info.getBreakMode());
        assertEquals("too big: 5", info.getDescription());
        s.resume();
        assertEquals(0, s.awaitExit());
        assertEquals("caught too big: 5\n", s.output("stdout"));
    }

    @Test
    void setVariableChangesTheRunAndBigListsArePaged() {
        ServedFakeSession s = serve(String.join("\n",
                "big = range(5000)",
                "total = 1",
                "print(\"total\", total + len(big))"));
        s.launch(false, breakpoint(3, null, null, null));
        s.stopped();
        StackFrame top = s.stack()[0];
        Scope globals = s.scopes(top.getId())[1];
        Map<String, Variable> vars = s.variables(globals.getVariablesReference());
        Variable big = vars.get("big");
        assertEquals(5000, big.getIndexedVariables());
        assertEquals("big", big.getEvaluateName());
        VariablesArguments page = new VariablesArguments();
        page.setVariablesReference(big.getVariablesReference());
        page.setStart(4990);
        page.setCount(20);
        Variable[] tail = s.request("variables", page, VariablesResponse.class).getVariables();
        assertEquals(10, tail.length);
        assertEquals("big[4995]", tail[5].getEvaluateName());

        SetVariableResponse set = s.request("setVariable", Map.of("variablesReference", globals.getVariablesReference(),
                "name", "total", "value", "100 - 1"), SetVariableResponse.class);
        assertEquals("99", set.getValue());
        s.resume();
        assertEquals(0, s.awaitExit());
        assertEquals("total 5099\n", s.output("stdout"));
    }

    @Test
    void aFileTheClientHasNoCopyOfIsServedBySourceReference() {
        ServedFakeSession s = serve("x = 1\npass");
        s.launch(true);
        s.stopped();
        StackFrame top = s.stack()[0];
        Integer reference = top.getSource().getSourceReference();
        assertNotNull(reference, "/remote/app/main.fake does not exist here, so the engine must offer its text");
        SourceResponse source = s.request("source", Map.of("sourceReference", reference,
                "source", Map.of("sourceReference", reference)), SourceResponse.class);
        assertEquals("x = 1\npass", source.getContent());
        assertFalse(source.getContent().isEmpty());
        s.request("disconnect", Map.of("terminateDebuggee", true), Void.class);
    }
}
