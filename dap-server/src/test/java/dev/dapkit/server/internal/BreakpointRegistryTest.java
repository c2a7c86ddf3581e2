package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.junit.jupiter.api.Test;

class BreakpointRegistryTest {

    private static BreakpointRegistry.Spec line(int line) {
        return new BreakpointRegistry.Spec(line + ":null", BreakpointRule.PLAIN, line, null, null);
    }

    private static List<Integer> ids(List<BreakpointRegistry.Entry> entries) {
        return entries.stream().map(e -> e.id).toList();
    }

    @Test
    void idsAreReusedForTheSameKeyAndForgottenWhenRemoved() {
        BreakpointRegistry r = new BreakpointRegistry();
        assertEquals(List.of(1, 2), ids(r.replace(BreakpointRegistry.Kind.LINE, "a", null, null, List.of(line(3), line(7)))));
        assertEquals(List.of(3), ids(r.replace(BreakpointRegistry.Kind.LINE, "b", null, null, List.of(line(3)))));
        assertEquals(List.of(2, 4), ids(r.replace(BreakpointRegistry.Kind.LINE, "a", null, null, List.of(line(7), line(9)))));
        assertNull(r.byId(1), "line 3 of a was removed");
        assertEquals(List.of(2, 4, 5), ids(r.replace(BreakpointRegistry.Kind.LINE, "a", null, null,
                List.of(line(7), line(9), line(3)))), "a removed breakpoint set again gets a new id");
        assertEquals(List.of(), r.replace(BreakpointRegistry.Kind.LINE, "a", null, null, List.of()));
        assertEquals(List.of("b"), List.copyOf(r.groupNames()));
    }

    @Test
    void reportsAreKeptAcrossAResendAndChangesAreDetected() {
        BreakpointRegistry r = new BreakpointRegistry();
        BreakpointRegistry.Entry e = r.replace(BreakpointRegistry.Kind.LINE, "a", null, null, List.of(line(3))).get(0);
        Breakpoint verified = new Breakpoint();
        verified.setVerified(true);
        verified.setLine(3);
        assertTrue(r.report(e, verified));
        Breakpoint same = new Breakpoint();
        same.setVerified(true);
        same.setLine(3);
        assertFalse(r.report(e, same));
        r.countHit(e);
        r.countHit(e);
        BreakpointRegistry.Entry again = r.replace(BreakpointRegistry.Kind.LINE, "a", null, null, List.of(line(3))).get(0);
        assertEquals(e.id, again.id);
        assertEquals(same, r.reported(again));
        assertEquals(2, r.hits(again), "an unchanged breakpoint keeps its hit count");
    }
}
