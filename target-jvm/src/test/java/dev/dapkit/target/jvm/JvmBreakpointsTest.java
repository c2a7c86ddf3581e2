package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.junit.jupiter.api.Test;

/** Line breakpoints in nested code, moved lines, missing files; function breakpoints. */
class JvmBreakpointsTest {

    @Test
    void breakpointsInInnerAnonymousLocalClassesAndLambdasStopThere() {
        int inner = Samples.line("Nested", "INNER");
        int anonymous = Samples.line("Nested", "ANONYMOUS");
        int local = Samples.line("Nested", "LOCAL");
        int lambda = Samples.line("Nested", "LAMBDA");
        try (ServedJvm jvm = ServedJvm.open()) {
            List<Breakpoint> placed = jvm.launch(Samples.launch("Nested"), "Nested", inner, anonymous, local, lambda);
            placed.forEach(b -> assertTrue(b.isVerified(), "verified before its class loads: " + b.getMessage()));
            List<String> stops = new ArrayList<>();
            StoppedEventArguments stop = jvm.stopped();
            for (int i = 0; i < 7; i++) {
                StackFrame top = jvm.top(stop.getThreadId());
                stops.add(top.getLine() + " " + top.getName().substring(0, top.getName().indexOf('(')));
                assertEquals(StoppedEventArgumentsReason.BREAKPOINT, stop.getReason());
                if (i < 6) {
                    stop = jvm.continueAndStop(stop.getThreadId());
                }
            }
            assertEquals(List.of(inner + " Nested$Inner.twice", anonymous + " Nested$1.applyAsInt",
                    local + " Nested$1Local.square", lambda + " Nested.run", lambda + " Nested.lambda$run$0",
                    lambda + " Nested.lambda$run$0", lambda + " Nested.lambda$run$0"), stops);
            jvm.resume(stop.getThreadId());
            assertEquals(0, jvm.awaitExit());
            assertEquals(7, jvm.count("stopped"));
        }
    }

    @Test
    void aBreakpointOnALineWithoutCodeMovesToTheNextLineWithCode() {
        int signature = Samples.line("Canonical", "ADD_DEF");
        int body = Samples.line("Canonical", "ADD_BODY");
        try (ServedJvm jvm = ServedJvm.open()) {
            // before the class loads: answered at its line, moved by an event once the class is there
            List<Breakpoint> early = jvm.launch(Samples.launch("Canonical"), "Canonical", signature);
            assertTrue(early.get(0).isVerified());
            BreakpointEventArguments moved = jvm.client.awaitEvent(BreakpointEventArguments.class,
                    b -> early.get(0).getId().equals(b.getBreakpoint().getId()), ServedJvm.TIMEOUT);
            assertEquals(body, moved.getBreakpoint().getLine(), "the signature line's breakpoint moves into the body");
            StoppedEventArguments stop = jvm.stopped();
            assertEquals(body, jvm.top(stop.getThreadId()).getLine());
            assertArrayEquals(new Integer[] {early.get(0).getId()}, stop.getHitBreakpointIds());

            // with the class loaded: answered moved at once
            Breakpoint now = jvm.setBreakpoints(Samples.path("Canonical"), signature)[0];
            assertTrue(now.isVerified());
            assertEquals(body, now.getLine());
        }
    }

    @Test
    void aBreakpointInAFileThatDoesNotExistIsUnverifiedAndSaysSo() {
        String missing = Samples.path("NoSuchSample");
        try (ServedJvm jvm = ServedJvm.open()) {
            Breakpoint[] placed = new Breakpoint[1];
            jvm.start("launch", Samples.launch("Canonical"), () -> placed[0] = jvm.setBreakpoints(missing, 3)[0]);
            assertFalse(placed[0].isVerified());
            assertTrue(placed[0].getMessage().contains(missing), placed[0].getMessage());
            assertEquals(0, jvm.awaitExit());
        }
    }

    @Test
    void aFunctionBreakpointStopsAtTheMethodsFirstLine() {
        int body = Samples.line("Canonical", "ADD_BODY");
        try (ServedJvm jvm = ServedJvm.open()) {
            Breakpoint[][] placed = new Breakpoint[1][];
            jvm.start("launch", Samples.launch("Canonical"), () -> placed[0] = functions(jvm,
                    Samples.PACKAGE + ".Canonical.add", "Canonical#main", "Canonical.nothingCalledThis"));
            StoppedEventArguments stop = jvm.stopped();
            assertEquals(StoppedEventArgumentsReason.FUNCTION_BREAKPOINT, stop.getReason());
            assertArrayEquals(new Integer[] {placed[0][1].getId()}, stop.getHitBreakpointIds(), "main comes first");
            stop = jvm.continueAndStop(stop.getThreadId());
            assertEquals(body, jvm.top(stop.getThreadId()).getLine());
            assertArrayEquals(new Integer[] {placed[0][0].getId()}, stop.getHitBreakpointIds());

            Breakpoint[] now = functions(jvm, "Canonical.add", "Canonical.nothingCalledThis");
            assertTrue(now[0].isVerified());
            assertEquals(body, now[0].getLine());
            assertFalse(now[1].isVerified());
            assertTrue(now[1].getMessage().contains("no method 'nothingCalledThis'") && now[1].getMessage().contains("add"),
                    now[1].getMessage());
        }
    }

    private static Breakpoint[] functions(ServedJvm jvm, String... names) {
        SetFunctionBreakpointsArguments arguments = new SetFunctionBreakpointsArguments();
        arguments.setBreakpoints(java.util.Arrays.stream(names).map(n -> {
            FunctionBreakpoint b = new FunctionBreakpoint();
            b.setName(n);
            return b;
        }).toArray(FunctionBreakpoint[]::new));
        return jvm.request("setFunctionBreakpoints", arguments, SetFunctionBreakpointsResponse.class).getBreakpoints();
    }
}
