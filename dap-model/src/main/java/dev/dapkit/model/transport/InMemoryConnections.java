package dev.dapkit.model.transport;

import dev.dapkit.model.internal.transport.InMemoryConnection;

/**
 * Two connections joined in memory, for tests and for hosting a client and a server in one
 * process. Messages pass as the immutable objects they are, without being encoded.
 */
public final class InMemoryConnections {

    private InMemoryConnections() {
    }

    /**
     * A new pair described as {@code in-memory a} and {@code in-memory b}. What one side sends the
     * other receives, in send order, on its own delivery thread ({@code dapkit-delivery-<description>},
     * started by {@link DapConnection#start}). Closing one side closes the other once it has been
     * given the messages sent before the close; the other side's close future then completes
     * normally. A send to a side that has closed fails with {@link ConnectionClosedException}.
     */
    public static Pair pair() {
        InMemoryConnection[] sides = InMemoryConnection.pair("in-memory a", "in-memory b");
        return new Pair(sides[0], sides[1]);
    }

    /** The two ends of an in-memory pair; either may play client or server. */
    public record Pair(DapConnection a, DapConnection b) {
    }
}
