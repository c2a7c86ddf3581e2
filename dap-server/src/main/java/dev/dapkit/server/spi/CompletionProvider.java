package dev.dapkit.server.spi;

import java.util.List;
import org.eclipse.lsp4j.debug.CompletionItem;

/** Optional: completions in the debug console ({@code completions}). */
public interface CompletionProvider {

    /**
     * @param frame the frame to complete in, or null
     * @param text the console line
     * @param column the 1-based position of the cursor in {@code text}
     */
    List<CompletionItem> completions(TargetFrame frame, String text, int column) throws TargetException;
}
