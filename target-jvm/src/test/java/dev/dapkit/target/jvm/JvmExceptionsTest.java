package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Event;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionDetails;
import org.eclipse.lsp4j.debug.ExceptionFilterOptions;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.junit.jupiter.api.Test;

/** Exception breakpoints (caught, uncaught, by class) and exceptionInfo with the chain of causes. */
class JvmExceptionsTest {

    @Test
    void caughtExceptionsStopWhereUserCodeThrowsThemNotInsideTheJdk() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.start("launch", Samples.launch("CaughtExceptions"), () -> exceptions(jvm, List.of("caught"), List.of()));
            List<Integer> lines = linesOfStopsUntilExit(jvm);
            assertEquals(List.of(Samples.line("CaughtExceptions", "THROW_IO"), Samples.line("CaughtExceptions", "WRAP")),
                    lines, "Integer.parseInt throws inside the JDK, which is not a stop");
        }
    }

    @Test
    void aClassConditionStopsOnlyOnThatClassAndItsSubclasses() {
        try (ServedJvm jvm = ServedJvm.open()) {
            ExceptionFilterOptions io = new ExceptionFilterOptions();
            io.setFilterId("caught");
            io.setCondition("java.io.IOException");
            jvm.start("launch", Samples.launch("CaughtExceptions"), () -> exceptions(jvm, List.of(), List.of(io)));
            StoppedEventArguments stop = jvm.stopped();
            assertEquals(StoppedEventArgumentsReason.EXCEPTION, stop.getReason());
            assertEquals("disk on fire", stop.getText());
            ExceptionInfoResponse info = info(jvm, stop.getThreadId());
            assertEquals("java.io.IOException", info.getExceptionId());
            assertEquals(ExceptionBreakMode.ALWAYS, info.getBreakMode());
            ExceptionDetails details = info.getDetails();
            assertEquals("disk on fire", details.getMessage());
            assertTrue(details.getStackTrace().contains("CaughtExceptions.io(CaughtExceptions.java:"),
                    details.getStackTrace());
            ExceptionDetails cause = details.getInnerException()[0];
            assertEquals("java.lang.IllegalStateException", cause.getFullTypeName());
            assertEquals("root cause", cause.getMessage());
            jvm.resume(stop.getThreadId());
            assertEquals(0, jvm.awaitExit());
            assertEquals(1, jvm.count("stopped"), "UncheckedIOException is no IOException");
        }
    }

    @Test
    void namingAClassStopsOnItEvenWhereTheJdkThrowsIt() {
        try (ServedJvm jvm = ServedJvm.open()) {
            ExceptionFilterOptions number = new ExceptionFilterOptions();
            number.setFilterId("caught");
            number.setCondition("NumberFormatException");
            jvm.start("launch", Samples.launch("CaughtExceptions"), () -> exceptions(jvm, List.of(), List.of(number)));
            StoppedEventArguments stop = jvm.stopped();
            assertEquals(StoppedEventArgumentsReason.EXCEPTION, stop.getReason());
            org.eclipse.lsp4j.debug.StackFrame[] frames = jvm.stack(stop.getThreadId());
            org.eclipse.lsp4j.debug.StackFrame caller = java.util.Arrays.stream(frames)
                    .filter(f -> f.getName().startsWith("CaughtExceptions.main")).findFirst().orElseThrow();
            assertEquals(Samples.line("CaughtExceptions", "PARSE"), caller.getLine());
            assertEquals("java.lang.NumberFormatException", info(jvm, stop.getThreadId()).getExceptionId());
            jvm.resume(stop.getThreadId());
            assertEquals(0, jvm.awaitExit());
        }
    }

    @Test
    void anUncaughtExceptionStopsWithItsCauseAndTheProgramDiesOfIt() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.start("launch", Samples.launch("Raising"), () -> exceptions(jvm, List.of("uncaught"), List.of()));
            StoppedEventArguments stop = jvm.stopped();
            assertEquals(StoppedEventArgumentsReason.EXCEPTION, stop.getReason());
            assertEquals(Samples.line("Raising", "RAISE"), jvm.top(stop.getThreadId()).getLine());
            ExceptionInfoResponse info = info(jvm, stop.getThreadId());
            assertEquals(ExceptionBreakMode.UNHANDLED, info.getBreakMode());
            assertEquals("java.lang.IllegalStateException: boom 1", info.getDescription());
            assertEquals("bad input 1", info.getDetails().getInnerException()[0].getMessage());
            jvm.resume(stop.getThreadId());
            assertEquals(1, jvm.awaitExit());
            assertTrue(jvm.output("stderr").contains("IllegalStateException: boom 1"), jvm.output("stderr"));
        }
    }

    private static void exceptions(ServedJvm jvm, List<String> filters, List<ExceptionFilterOptions> options) {
        SetExceptionBreakpointsArguments arguments = new SetExceptionBreakpointsArguments();
        arguments.setFilters(filters.toArray(String[]::new));
        arguments.setFilterOptions(options.toArray(ExceptionFilterOptions[]::new));
        jvm.client.request("setExceptionBreakpoints", arguments, Object.class, ServedJvm.TIMEOUT);
    }

    private static ExceptionInfoResponse info(ServedJvm jvm, int threadId) {
        ExceptionInfoArguments arguments = new ExceptionInfoArguments();
        arguments.setThreadId(threadId);
        ExceptionInfoResponse info = jvm.request("exceptionInfo", arguments, ExceptionInfoResponse.class);
        assertNotNull(info.getDetails());
        return info;
    }

    /** Continues from stop to stop until the program exits; returns the line of each stop. */
    private static List<Integer> linesOfStopsUntilExit(ServedJvm jvm) {
        List<Integer> lines = new ArrayList<>();
        Event next = jvm.client.awaitEvent(e -> e.event().equals("stopped") || e.event().equals("exited"),
                ServedJvm.TIMEOUT);
        int seen = 0;
        while (next.event().equals("stopped") && lines.size() < 10) {
            StoppedEventArguments stop = next.body(StoppedEventArguments.class);
            assertEquals(StoppedEventArgumentsReason.EXCEPTION, stop.getReason());
            lines.add(jvm.top(stop.getThreadId()).getLine());
            jvm.resume(stop.getThreadId());
            seen++;
            int already = seen;
            next = jvm.client.awaitEvent(e -> (e.event().equals("stopped") && countStops(jvm) > already)
                    || e.event().equals("exited"), ServedJvm.TIMEOUT);
        }
        return lines;
    }

    private static long countStops(ServedJvm jvm) {
        return jvm.count("stopped");
    }
}
