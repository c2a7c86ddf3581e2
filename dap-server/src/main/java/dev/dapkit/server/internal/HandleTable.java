package dev.dapkit.server.internal;

import dev.dapkit.server.EngineError;
import java.util.HashMap;
import java.util.Map;

/**
 * Issues the DAP integers ({@code frameId}, {@code variablesReference}) for a target's objects
 * while the debuggee is suspended. Numbers start at 1 and are never reused within a session, so
 * a number issued before the last {@link #invalidate()} is recognised as stale rather than silently
 * meaning something else.
 *
 * <p>Thread-safe.
 *
 * @param <T> what the numbers stand for
 */
final class HandleTable<T> {

    private final String kind;
    private final Map<Integer, T> live = new HashMap<>();
    private int next = 1;
    private int firstLive = 1;

    /** @param kind the DAP name of the numbers, for errors, e.g. {@code variablesReference} */
    HandleTable(String kind) {
        this.kind = kind;
    }

    /** A new number for {@code value}. */
    synchronized int issue(T value) {
        if (next == Integer.MAX_VALUE) {
            throw new IllegalStateException(kind + " numbers are exhausted in this session");
        }
        int handle = next++;
        live.put(handle, value);
        return handle;
    }

    /**
     * The value of a number issued since the last resume.
     *
     * @throws RequestFailure when the number is stale or was never issued
     */
    synchronized T get(int handle) {
        T value = live.get(handle);
        if (value != null) {
            return value;
        }
        if (handle >= 1 && handle < firstLive) {
            throw RequestFailure.of(EngineError.STALE_HANDLE, kind + " " + handle
                    + " is no longer valid: the program resumed since it was issued");
        }
        throw RequestFailure.of(EngineError.UNKNOWN_HANDLE, kind + " " + handle + " was never issued in this session");
    }

    /** Forgets every number issued so far; they become stale. */
    synchronized void invalidate() {
        live.clear();
        firstLive = next;
    }

    /** How many numbers are live; for tests. */
    synchronized int liveCount() {
        return live.size();
    }
}
