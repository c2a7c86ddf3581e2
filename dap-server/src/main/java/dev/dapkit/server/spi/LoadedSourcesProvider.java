package dev.dapkit.server.spi;

import java.util.List;
import org.eclipse.lsp4j.debug.Source;

/** Optional: every source the debuggee has loaded ({@code loadedSources}); paths are the target's own. */
public interface LoadedSourcesProvider {

    List<Source> loadedSources() throws TargetException;
}
