package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.SetDataBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetDataBreakpointsResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;

/** Data breakpoints on a field of one object and on a static field. */
class JvmWatchpointsTest {

    @Test
    void aWriteWatchOnAnObjectsFieldStopsWhereItIsAssigned() {
        try (ServedJvm jvm = ServedJvm.open()) {
            assertTrue(jvm.initialize(false).getSupportsDataBreakpoints());
            jvm.launch(Samples.launch("FieldWriter"), "FieldWriter", Samples.line("FieldWriter", "FIRST"));
            StoppedEventArguments stop = jvm.stopped();
            int locals = jvm.scopes(jvm.top(stop.getThreadId()).getId()).get(0).getVariablesReference();
            Variable holder = jvm.variables(locals).get("holder");

            DataBreakpointInfoResponse local = info(jvm, locals, "holder");
            assertNull(local.getDataId(), "a local cannot be watched");
            assertTrue(local.getDescription().contains("not a field"), local.getDescription());

            DataBreakpointInfoResponse field = info(jvm, holder.getVariablesReference(), "value");
            assertTrue(List.of(field.getAccessTypes()).contains(DataBreakpointAccessType.WRITE));
            Breakpoint placed = set(jvm, field.getDataId(), DataBreakpointAccessType.WRITE)[0];
            assertTrue(placed.isVerified(), placed.getMessage());
            jvm.setBreakpoints(Samples.path("FieldWriter"));

            StoppedEventArguments first = jvm.continueAndStop(stop.getThreadId());
            assertEquals(StoppedEventArgumentsReason.DATA_BREAKPOINT, first.getReason());
            assertArrayEquals(new Integer[] {placed.getId()}, first.getHitBreakpointIds());
            assertEquals(Samples.line("FieldWriter", "FIRST"), jvm.top(first.getThreadId()).getLine(),
                    "stopped at the assignment itself, before it happens");
            assertTrue(first.getDescription().contains("changes from 0 to 1"), first.getDescription());
            StoppedEventArguments second = jvm.continueAndStop(first.getThreadId());
            assertEquals(Samples.line("FieldWriter", "WRITE"), jvm.top(second.getThreadId()).getLine());
            assertTrue(second.getDescription().contains("changes from 1 to 2"), second.getDescription());
        }
    }

    @Test
    void aReadWatchOnAStaticFieldStopsWhereItIsRead() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("FieldWriter"), "FieldWriter", Samples.line("FieldWriter", "FIRST"));
            StoppedEventArguments stop = jvm.stopped();
            Scope statics = jvm.scopes(jvm.top(stop.getThreadId()).getId()).stream()
                    .filter(s -> s.getName().startsWith("Static")).findFirst().orElseThrow();
            DataBreakpointInfoResponse info = info(jvm, statics.getVariablesReference(), "hits");
            Breakpoint placed = set(jvm, info.getDataId(), DataBreakpointAccessType.READ)[0];
            assertTrue(placed.isVerified(), placed.getMessage());
            jvm.setBreakpoints(Samples.path("FieldWriter"));
            StoppedEventArguments read = jvm.continueAndStop(stop.getThreadId());
            assertEquals(StoppedEventArgumentsReason.DATA_BREAKPOINT, read.getReason());
            assertEquals(Samples.line("FieldWriter", "STATIC_WRITE"), jvm.top(read.getThreadId()).getLine(),
                    "hits++ reads hits first");
            set(jvm, info.getDataId(), null);
        }
    }

    private static DataBreakpointInfoResponse info(ServedJvm jvm, int reference, String name) {
        DataBreakpointInfoArguments arguments = new DataBreakpointInfoArguments();
        arguments.setVariablesReference(reference);
        arguments.setName(name);
        return jvm.request("dataBreakpointInfo", arguments, DataBreakpointInfoResponse.class);
    }

    private static Breakpoint[] set(ServedJvm jvm, String dataId, DataBreakpointAccessType access) {
        SetDataBreakpointsArguments arguments = new SetDataBreakpointsArguments();
        DataBreakpoint b = new DataBreakpoint();
        b.setDataId(dataId);
        b.setAccessType(access);
        arguments.setBreakpoints(access == null ? new DataBreakpoint[0] : new DataBreakpoint[] {b});
        return jvm.request("setDataBreakpoints", arguments, SetDataBreakpointsResponse.class).getBreakpoints();
    }
}
