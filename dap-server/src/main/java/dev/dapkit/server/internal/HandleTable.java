package dev.dapkit.server.internal;

import dev.dapkit.server.EngineError;
import java.util.ArrayList;

/**
 * Issues the DAP integers ({@code frameId}, {@code variablesReference}) for a target's objects
 * while the debuggee is suspended. Numbers start at 1 and are never reused within a session, so
 * a number issued before the last {@link #invalidate()} is recognised as stale rather than silently
 * meaning something else.
 *
 * <p>The live numbers are always the run {@code [firstLive, next)}, so they index a list: issuing
 * and looking up are array accesses, and invalidating costs what was issued since the last resume.
 * (A hash map's {@code clear()} walks its whole table, which never shrinks: after one stop where
 * the user opened tens of thousands of variables, every later step paid for that table.)
 *
 * <p>Thread-safe.
 *
 * @param <T> what the numbers stand for
 */
final class HandleTable<T> {

    /** Handles issued at one stop above which the list gives its memory back on resume. */
    private static final int SHRINK_ABOVE = 4096;

    private final String kind;
    /** The values of the live numbers: the one for number {@code firstLive + i} at index {@code i}. */
    private final ArrayList<T> live = new ArrayList<>();
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
        live.add(value);
        return handle;
    }

    /**
     * The value of a number issued since the last resume.
     *
     * @throws RequestFailure when the number is stale or was never issued
     */
    synchronized T get(int handle) {
        T value = handle >= firstLive && handle < next ? live.get(handle - firstLive) : null;
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
        if (next - firstLive > SHRINK_ABOVE) {
            // do not keep a huge backing array for the (usually few) handles of the next stop
            live.trimToSize();
        }
        firstLive = next;
    }

    /** How many numbers are live; for tests. */
    synchronized int liveCount() {
        return live.size();
    }
}
