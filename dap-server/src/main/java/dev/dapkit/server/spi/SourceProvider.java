package dev.dapkit.server.spi;

import org.eclipse.lsp4j.debug.Source;

/**
 * Optional: the text of sources the client has no local copy of (a class without source, a file
 * that exists only on a device). The engine issues the {@code sourceReference} and calls this.
 */
public interface SourceProvider {

    /**
     * The content of a source this target named in a frame, a breakpoint or a loaded-source event.
     *
     * @param source the source with the target's own path (or the reference the target gave it)
     */
    SourceContent source(Source source) throws TargetException;

    /**
     * Source text.
     *
     * @param content the text
     * @param mimeType e.g. {@code text/x-java}, or null
     */
    record SourceContent(String content, String mimeType) {
    }
}
