package dev.dapkit.target.jvm.internal;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ReferenceType;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourcePresentationHint;

/**
 * Maps classes to their source files and back. A class {@code com.example.Main} compiled from
 * {@code Main.java} is shown from {@code <root>/com/example/Main.java} under the first source root
 * that has it: the launch's {@code sourcePaths}, then the roots learned from the files the client
 * set breakpoints in (a breakpoint in {@code /w/src/com/example/Main.java}, whose package is
 * {@code com.example}, teaches the root {@code /w/src}). A class without a file there is shown
 * with a number of this target's own ({@code sourceReference}), whose text {@link GeneratedSource}
 * makes.
 *
 * <p>Thread-safe.
 */
final class SourcePaths {

    private final Set<Path> roots = new LinkedHashSet<>();
    private final Map<String, Optional<Path>> byRelativePath = new HashMap<>();
    private final Map<String, Integer> referencesByClass = new HashMap<>();
    private final List<String> classesByReference = new ArrayList<>();
    /** Each class's file relative to a root ("" for a class without a source name); a class's never changes. */
    private final Map<ReferenceType, String> relativePaths = new ConcurrentHashMap<>();

    SourcePaths(List<String> sourcePaths, String base) {
        Path baseDir = Path.of(base == null ? "" : base).toAbsolutePath();
        for (String root : sourcePaths) {
            try {
                roots.add(baseDir.resolve(root).normalize());
            } catch (InvalidPathException e) {
                // a path this file system cannot hold has no files to show
            }
        }
    }

    /** Learns the source root of a file the client named, from its package. */
    synchronized void learnRoot(Path file, String packageName) {
        Path root = file.getParent();
        if (!packageName.isEmpty()) {
            for (String ignored : packageName.split("\\.")) {
                root = root == null ? null : root.getParent();
            }
        }
        if (root != null && roots.add(root)) {
            byRelativePath.values().removeIf(Optional::isEmpty);
        }
    }

    /** The source roots known now. */
    synchronized List<Path> roots() {
        return List.copyOf(roots);
    }

    /** The file a class was compiled from, if it is under a source root. */
    Optional<Path> fileOf(ReferenceType type) {
        String relative = relativePaths.computeIfAbsent(type, SourcePaths::relativePath);
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        synchronized (this) {
            return byRelativePath.computeIfAbsent(relative, this::find);
        }
    }

    private static String relativePath(ReferenceType type) {
        String sourceName;
        try {
            sourceName = type.sourceName();
        } catch (AbsentInformationException e) {
            return "";
        }
        String packageName = packageOf(type.name());
        return packageName.isEmpty() ? sourceName : packageName.replace('.', '/') + "/" + sourceName;
    }

    private Optional<Path> find(String relative) {
        for (Path root : roots) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The source to show for code of a class: its file, or this target's own reference to a summary. */
    Source sourceOf(ReferenceType type) {
        Optional<Path> file = fileOf(type);
        Source source = new Source();
        if (file.isPresent()) {
            source.setName(file.get().getFileName().toString());
            source.setPath(file.get().toString());
            return source;
        }
        String name;
        try {
            name = type.sourceName();
        } catch (AbsentInformationException e) {
            name = simpleName(topLevel(type.name())) + ".class";
        }
        source.setName(name);
        source.setSourceReference(referenceOf(topLevel(type.name())));
        source.setPresentationHint(SourcePresentationHint.DEEMPHASIZE);
        source.setOrigin("no source file in the source paths");
        return source;
    }

    /** The class behind one of this target's source references, or null. */
    synchronized String classOfReference(int reference) {
        return reference >= 1 && reference <= classesByReference.size() ? classesByReference.get(reference - 1) : null;
    }

    private synchronized int referenceOf(String className) {
        return referencesByClass.computeIfAbsent(className, c -> {
            classesByReference.add(c);
            return classesByReference.size();
        });
    }

    /** The package of a binary class name; empty for the unnamed package. */
    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** The top-level class of a binary name: {@code a.B} for {@code a.B$C$1}. */
    static String topLevel(String className) {
        int dollar = className.indexOf('$', className.lastIndexOf('.') + 1);
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
