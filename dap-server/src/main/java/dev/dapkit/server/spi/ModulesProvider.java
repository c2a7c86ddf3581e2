package dev.dapkit.server.spi;

import org.eclipse.lsp4j.debug.ModulesResponse;

/** Optional: the debuggee's modules ({@code modules}), with paging. */
public interface ModulesProvider {

    /** @param count the most modules to return; 0 means all */
    ModulesResponse modules(int start, int count) throws TargetException;
}
