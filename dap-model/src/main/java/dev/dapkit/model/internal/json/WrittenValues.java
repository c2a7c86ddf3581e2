package dev.dapkit.model.internal.json;

/**
 * Where a writer put the last few values it was asked to remember, keyed by identity: the same
 * {@code String} or bean instance written again (a stack frame's method name, the one {@code Source}
 * of a thousand frames) is then copied from the bytes already written instead of being escaped or
 * walked again. A string never changes; a bean is assumed not to change while one value is being
 * written, as it must not for any serializer. Round-robin eviction over a handful of slots: a hit
 * costs a few reference compares, a miss overwrites the oldest slot.
 *
 * <p>Not thread-safe: belongs to one {@link Utf8JsonWriter}.
 */
final class WrittenValues {

    private final Object[] values;
    private final int[] starts;
    private final int[] lengths;
    private int next;

    /** {@code slots} is a power of two. */
    WrittenValues(int slots) {
        values = new Object[slots];
        starts = new int[slots];
        lengths = new int[slots];
    }

    /** The slot holding {@code value}, or -1. */
    int find(Object value) {
        Object[] v = values;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == value) {
                return i;
            }
        }
        return -1;
    }

    int start(int slot) {
        return starts[slot];
    }

    int length(int slot) {
        return lengths[slot];
    }

    /** Remembers that {@code value} was written as {@code length} bytes from {@code start}. */
    void remember(Object value, int start, int length) {
        int slot = next;
        values[slot] = value;
        starts[slot] = start;
        lengths[slot] = length;
        next = (slot + 1) & (values.length - 1);
    }
}
