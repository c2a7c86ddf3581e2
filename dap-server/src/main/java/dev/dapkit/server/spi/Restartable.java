package dev.dapkit.server.spi;

import dev.dapkit.model.RawJson;

/** Optional: restarts the debuggee in place ({@code restart}); without it, clients restart by a new session. */
public interface Restartable {

    /** @param arguments the latest launch or attach arguments, or null to reuse the first ones */
    void restart(RawJson arguments) throws TargetException;
}
