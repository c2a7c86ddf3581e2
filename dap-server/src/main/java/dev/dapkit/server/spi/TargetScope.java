package dev.dapkit.server.spi;

import java.util.Objects;
import org.eclipse.lsp4j.debug.Scope;

/**
 * A scope of a frame. Immutable: build one with {@link #of} and the {@code with...} methods, each
 * of which returns a new value.
 *
 * @param scope the scope as DAP shows it; the engine sets {@code variablesReference}. The record
 *     keeps its own copy, and {@link #scope()} returns a fresh copy each time: changing it changes
 *     nothing (a {@code source} in it is the one given, not copied: do not change it afterwards)
 * @param variables what the client expands to list the scope's variables
 */
public record TargetScope(Scope scope, VariableContainer variables) {

    public TargetScope {
        scope = copy(Objects.requireNonNull(scope, "scope"));
        Objects.requireNonNull(variables, "variables");
    }

    /** A scope with a name and, optionally, a presentation hint such as {@code locals}. */
    public static TargetScope of(String name, String presentationHint, boolean expensive, VariableContainer variables) {
        Scope scope = new Scope();
        scope.setName(name);
        scope.setPresentationHint(presentationHint);
        scope.setExpensive(expensive);
        return new TargetScope(scope, variables);
    }

    /** A copy of the scope as DAP shows it. */
    @Override
    public Scope scope() {
        return copy(scope);
    }

    /** With DAP's {@code namedVariables}: how many named variables the scope has, so a client can page them. */
    public TargetScope withNamedVariables(int count) {
        Scope s = copy(scope);
        s.setNamedVariables(count);
        return new TargetScope(s, variables);
    }

    /** With DAP's {@code indexedVariables}: how many indexed variables the scope has. */
    public TargetScope withIndexedVariables(int count) {
        Scope s = copy(scope);
        s.setIndexedVariables(count);
        return new TargetScope(s, variables);
    }

    private static Scope copy(Scope from) {
        Scope s = new Scope();
        s.setName(from.getName());
        s.setPresentationHint(from.getPresentationHint());
        s.setVariablesReference(from.getVariablesReference());
        s.setNamedVariables(from.getNamedVariables());
        s.setIndexedVariables(from.getIndexedVariables());
        s.setExpensive(from.isExpensive());
        s.setSource(from.getSource());
        s.setLine(from.getLine());
        s.setColumn(from.getColumn());
        s.setEndLine(from.getEndLine());
        s.setEndColumn(from.getEndColumn());
        return s;
    }
}
