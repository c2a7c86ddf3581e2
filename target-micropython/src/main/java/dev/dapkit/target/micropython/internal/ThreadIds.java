package dev.dapkit.target.micropython.internal;

import dev.dapkit.server.spi.TargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DAP thread ids (1, 2, ...) for the agent's thread ids, which are {@code _thread.get_ident()}
 * values: 64-bit addresses on most ports, too large for DAP's integers. An agent thread keeps its
 * DAP id for the whole session.
 *
 * <p>Thread-safe.
 */
final class ThreadIds {

    private final Map<Long, Integer> toDap = new ConcurrentHashMap<>();
    private final Map<Integer, Long> toAgent = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /** The DAP id of an agent thread, issued on first sight. */
    int dap(long agentId) {
        return toDap.computeIfAbsent(agentId, id -> {
            int issued = next.incrementAndGet();
            toAgent.put(issued, id);
            return issued;
        });
    }

    /** The agent's id of a DAP thread id this session issued. */
    long agent(int dapId) throws TargetException {
        Long id = toAgent.get(dapId);
        if (id == null) {
            throw MicroPythonErrors.unknownThread(dapId);
        }
        return id;
    }
}
