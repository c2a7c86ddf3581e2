package dev.dapkit.server.internal;

import dev.dapkit.server.EngineError;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.lsp4j.debug.Source;

/**
 * The {@code sourceReference} numbers the engine issues for sources the client cannot open
 * itself. A number stays the same for the same source for the whole session (DAP lets a client
 * cache content by it) and is never invalidated by a resume.
 *
 * <p>Thread-safe.
 */
final class SourceReferences {

    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<Integer, Source> byReference = new HashMap<>();

    /** The number for a source as the target names it (by path, or by the target's own reference). */
    synchronized int issue(Source targetSource) {
        String key = key(targetSource);
        Integer known = byKey.get(key);
        if (known != null) {
            return known;
        }
        int reference = byReference.size() + 1;
        byKey.put(key, reference);
        byReference.put(reference, copy(targetSource));
        return reference;
    }

    /**
     * The source, as the target names it, behind a number this session issued.
     *
     * @throws RequestFailure when the number was never issued
     */
    synchronized Source get(int reference) {
        Source source = byReference.get(reference);
        if (source == null) {
            throw RequestFailure.of(EngineError.UNKNOWN_HANDLE,
                    "sourceReference " + reference + " was never issued in this session");
        }
        return copy(source);
    }

    private static String key(Source s) {
        Integer ref = s.getSourceReference();
        if (ref != null && ref > 0) {
            return "ref:" + ref + ":" + s.getName();
        }
        return "path:" + s.getPath() + ":" + (s.getPath() == null ? s.getName() : "");
    }

    /** A copy the caller may change without touching what is stored. */
    static Source copy(Source s) {
        Source c = new Source();
        c.setName(s.getName());
        c.setPath(s.getPath());
        c.setSourceReference(s.getSourceReference());
        c.setPresentationHint(s.getPresentationHint());
        c.setOrigin(s.getOrigin());
        c.setSources(s.getSources());
        c.setAdapterData(s.getAdapterData());
        c.setChecksums(s.getChecksums());
        return c;
    }
}
