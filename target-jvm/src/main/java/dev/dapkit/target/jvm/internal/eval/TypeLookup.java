package dev.dapkit.target.jvm.internal.eval;

import com.sun.jdi.ClassLoaderReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.Type;
import com.sun.jdi.VirtualMachine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the debuggee's types for names written in an expression. Only loaded classes can be
 * found; the current class's imports are unknown, so a simple name is tried as a nested
 * class of the current class and its outer classes, in the current package, in
 * {@code java.lang}, and finally among all loaded classes when exactly one has that simple
 * name. When several class loaders define a name, the current class's loader wins.
 *
 * <p>Not thread-safe; one per evaluation (it caches lookups for that evaluation).
 */
final class TypeLookup {

    private final VirtualMachine vm;
    private final ReferenceType currentType;
    private final Map<String, Optional<ReferenceType>> cache = new HashMap<>();

    /** @param currentType the declaring type of the frame's method, which anchors simple names */
    TypeLookup(VirtualMachine vm, ReferenceType currentType) {
        this.vm = vm;
        this.currentType = currentType;
    }

    ReferenceType currentType() {
        return currentType;
    }

    /** A loaded type by binary name ({@code java.util.Map$Entry}, {@code int[]}), or empty. */
    Optional<ReferenceType> byBinaryName(String binaryName) {
        return cache.computeIfAbsent(binaryName, this::load);
    }

    private Optional<ReferenceType> load(String binaryName) {
        List<ReferenceType> found = vm.classesByName(binaryName).stream()
                .filter(ReferenceType::isPrepared).collect(Collectors.toList());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClassLoaderReference loader = currentType == null ? null : currentType.classLoader();
        for (ReferenceType type : found) {
            if (type.classLoader() == null ? loader == null : type.classLoader().equals(loader)) {
                return Optional.of(type);
            }
        }
        return Optional.of(found.get(0));
    }

    /**
     * A class named in source form: simple ({@code Entry}), qualified ({@code java.util.Map.Entry})
     * or nested through a simple outer name ({@code Map.Entry}). Empty when nothing loaded
     * matches.
     */
    Optional<ReferenceType> findClass(String sourceName) throws EvaluationException {
        int dot = sourceName.indexOf('.');
        String first = dot < 0 ? sourceName : sourceName.substring(0, dot);
        String nested = dot < 0 ? "" : sourceName.substring(dot).replace('.', '$');
        for (String candidate : simpleNameCandidates(first)) {
            Optional<ReferenceType> type = byBinaryName(candidate + nested);
            if (type.isPresent()) {
                return type;
            }
        }
        if (dot > 0) {
            Optional<ReferenceType> qualified = byQualifiedName(sourceName);
            if (qualified.isPresent()) {
                return qualified;
            }
        }
        Optional<ReferenceType> unique = bySimpleNameAmongLoaded(first);
        return unique.isPresent() && !nested.isEmpty() ? byBinaryName(unique.get().name() + nested) : unique;
    }

    /** {@code a.b.C.D}: tries {@code a.b.C.D}, then {@code a.b.C$D}, {@code a.b$C$D}... */
    Optional<ReferenceType> byQualifiedName(String sourceName) {
        String name = sourceName;
        while (true) {
            Optional<ReferenceType> type = byBinaryName(name);
            if (type.isPresent()) {
                return type;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            name = name.substring(0, dot) + '$' + name.substring(dot + 1);
        }
    }

    private List<String> simpleNameCandidates(String simpleName) {
        List<String> candidates = new ArrayList<>();
        if (currentType != null) {
            String current = currentType.name();
            for (String outer = current; ; outer = outer.substring(0, outer.lastIndexOf('$'))) {
                if (outer.endsWith("$" + simpleName) || outer.equals(simpleName) || outer.endsWith("." + simpleName)) {
                    candidates.add(outer);
                }
                candidates.add(outer + "$" + simpleName);
                if (outer.lastIndexOf('$') <= outer.lastIndexOf('.')) {
                    break;
                }
            }
            int dot = current.lastIndexOf('.');
            if (dot > 0) {
                candidates.add(current.substring(0, dot + 1) + simpleName);
            }
        }
        candidates.add("java.lang." + simpleName);
        candidates.add(simpleName);
        return candidates;
    }

    private Optional<ReferenceType> bySimpleNameAmongLoaded(String simpleName) throws EvaluationException {
        String dotted = "." + simpleName;
        List<String> matches = vm.allClasses().stream()
                .map(ReferenceType::name)
                .filter(n -> n.endsWith(dotted) && !n.endsWith("[]"))
                .distinct()
                .sorted()
                .collect(Collectors.toList());
        if (matches.size() > 1) {
            throw new EvaluationException("the type " + simpleName + " is ambiguous: "
                    + String.join(", ", matches) + " are loaded; use the qualified name");
        }
        return matches.isEmpty() ? Optional.empty() : byBinaryName(matches.get(0));
    }

    /** A primitive type's JDI mirror ({@code int}), or null if the name is not primitive. */
    Type primitive(String name) {
        switch (name) {
            case "boolean": return vm.mirrorOf(false).type();
            case "byte": return vm.mirrorOf((byte) 0).type();
            case "char": return vm.mirrorOf('\0').type();
            case "short": return vm.mirrorOf((short) 0).type();
            case "int": return vm.mirrorOf(0).type();
            case "long": return vm.mirrorOf(0L).type();
            case "float": return vm.mirrorOf(0f).type();
            case "double": return vm.mirrorOf(0d).type();
            case "void": return vm.mirrorOfVoid().type();
            default: return null;
        }
    }

    /**
     * The binary name a written type denotes ({@code java.util.Map$Entry[]}), or empty when
     * its element class is not loaded (then no object can be of that type).
     */
    Optional<String> binaryName(TypeName name) throws EvaluationException {
        if (TypeName.isPrimitiveName(name.name()) || "void".equals(name.name())) {
            return Optional.of(name.toString());
        }
        Optional<ReferenceType> element = findClass(name.name());
        if (element.isEmpty()) {
            if (name.name().indexOf('.') < 0) {
                throw new EvaluationException(name.name() + " cannot be resolved to a type");
            }
            return Optional.empty();
        }
        return Optional.of(element.get().name() + "[]".repeat(name.dimensions()));
    }

    /** The loaded type a written type denotes, with an error saying why there is none. */
    Type resolve(TypeName name) throws EvaluationException {
        if (name.dimensions() == 0 && primitive(name.name()) != null) {
            return primitive(name.name());
        }
        Optional<String> binary = binaryName(name);
        if (binary.isEmpty()) {
            throw new EvaluationException("the type " + name + " is not loaded in the debuggee");
        }
        return byBinaryName(binary.get()).orElseThrow(() -> new EvaluationException(
                "the type " + name + " is not loaded in the debuggee (no such array was created yet)"));
    }
}
