package dev.dapkit.server.internal;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.eclipse.lsp4j.debug.Source;

/**
 * Translates {@link Source}s between the client's view and the target's: paths through the
 * {@link PathMapper} (and {@code file:} URIs when the client asked for {@code pathFormat: uri}),
 * and {@code sourceReference}s through {@link SourceReferences}. A target source gets an engine
 * reference when the target numbered it itself, or when the target can serve its text and the
 * mapped path does not exist on this machine, so the client can still show the frame.
 *
 * <p>Thread-safe. Sources are copied, never changed in place: a target may hand out the same
 * object more than once.
 */
final class SourceTranslator {

    /** Whether a path exists here; the client and this server share the file system in DAP's usual setup. */
    static final Predicate<String> LOCAL_FILES = path -> {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    };

    private final PathMapper paths;
    private final SourceReferences references;
    private final Predicate<String> localFileExists;
    private volatile boolean targetServesSources;
    private volatile boolean clientUsesUris;

    SourceTranslator(PathMapper paths, SourceReferences references, Predicate<String> localFileExists) {
        this.paths = paths;
        this.references = references;
        this.localFileExists = localFileExists;
    }

    /** Set once the target and the client are known (at {@code initialize}). */
    void configure(boolean targetServesSources, boolean clientUsesUris) {
        this.targetServesSources = targetServesSources;
        this.clientUsesUris = clientUsesUris;
    }

    PathMapper paths() {
        return paths;
    }

    SourceReferences references() {
        return references;
    }

    /** The source as the client should see it; null stays null. */
    Source toClient(Source targetSource) {
        if (targetSource == null) {
            return null;
        }
        Source out = SourceReferences.copy(targetSource);
        String targetPath = targetSource.getPath();
        paths.learnTargetPath(targetPath);
        Integer ownReference = targetSource.getSourceReference();
        if (targetPath != null) {
            String clientPath = paths.toClient(targetPath);
            out.setPath(clientUsesUris ? toUri(clientPath) : clientPath);
            if (targetServesSources && (ownReference == null || ownReference <= 0) && !localFileExists.test(clientPath)) {
                out.setSourceReference(references.issue(targetSource));
            } else if (ownReference == null || ownReference <= 0) {
                out.setSourceReference(null);
            }
        }
        if (ownReference != null && ownReference > 0) {
            out.setSourceReference(references.issue(targetSource));
        }
        if (targetSource.getSources() != null) {
            Source[] nested = targetSource.getSources().clone();
            for (int i = 0; i < nested.length; i++) {
                nested[i] = toClient(nested[i]);
            }
            out.setSources(nested);
        }
        return out;
    }

    /** The source as the target knows it; null stays null. */
    Source toTarget(Source clientSource) {
        if (clientSource == null) {
            return null;
        }
        Integer reference = clientSource.getSourceReference();
        if (reference != null && reference > 0) {
            return references.get(reference);
        }
        Source out = SourceReferences.copy(clientSource);
        out.setPath(pathToTarget(clientSource.getPath()));
        out.setSourceReference(null);
        return out;
    }

    /** A client path (or URI) as the target's path. */
    String pathToTarget(String clientPath) {
        if (clientPath == null) {
            return null;
        }
        return paths.toTarget(clientUsesUris ? fromUri(clientPath) : clientPath);
    }

    /** A target path as the client's path (or URI). */
    String pathToClient(String targetPath) {
        if (targetPath == null) {
            return null;
        }
        paths.learnTargetPath(targetPath);
        String clientPath = paths.toClient(targetPath);
        return clientUsesUris ? toUri(clientPath) : clientPath;
    }

    private static String toUri(String path) {
        try {
            return Path.of(path).toUri().toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }

    private static String fromUri(String uri) {
        try {
            URI parsed = URI.create(uri);
            return "file".equalsIgnoreCase(parsed.getScheme()) ? Path.of(parsed).toString() : uri;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return uri;
        }
    }
}
