package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dapkit.server.EngineError;
import org.junit.jupiter.api.Test;

class HandleTableTest {

    @Test
    void issuesFromOneAndTellsStaleFromUnknown() {
        HandleTable<String> table = new HandleTable<>("variablesReference");
        assertEquals(1, table.issue("a"));
        assertEquals(2, table.issue("b"));
        assertEquals("b", table.get(2));
        table.invalidate();
        assertEquals(0, table.liveCount());
        assertEquals(3, table.issue("c"));

        RequestFailure stale = assertThrows(RequestFailure.class, () -> table.get(2));
        assertEquals(EngineError.STALE_HANDLE.id(), stale.error().id());
        assertEquals("variablesReference 2 is no longer valid: the program resumed since it was issued", stale.getMessage());
        RequestFailure unknown = assertThrows(RequestFailure.class, () -> table.get(4));
        assertEquals(EngineError.UNKNOWN_HANDLE.id(), unknown.error().id());
        RequestFailure zero = assertThrows(RequestFailure.class, () -> table.get(0));
        assertEquals(EngineError.UNKNOWN_HANDLE.id(), zero.error().id());
    }

    @Test
    void everyNumberKeepsItsValueAcrossManyStopsOfEverySize() {
        HandleTable<String> table = new HandleTable<>("frameId");
        int issued = 0;
        for (int count : new int[] {10_000, 3, 0, 5_000, 1}) {
            int first = issued + 1;
            for (int i = 0; i < count; i++) {
                assertEquals(++issued, table.issue("v" + issued));
            }
            assertEquals(count, table.liveCount());
            for (int handle = first; handle <= issued; handle++) {
                assertEquals("v" + handle, table.get(handle));
            }
            int past = issued + 1;
            assertEquals(EngineError.UNKNOWN_HANDLE.id(), assertThrows(RequestFailure.class, () -> table.get(past)).error().id());
            table.invalidate();
            if (issued > 0) {
                int last = issued;
                assertEquals(EngineError.STALE_HANDLE.id(), assertThrows(RequestFailure.class, () -> table.get(last)).error().id());
                assertEquals(EngineError.STALE_HANDLE.id(), assertThrows(RequestFailure.class, () -> table.get(1)).error().id());
            }
        }
    }
}
