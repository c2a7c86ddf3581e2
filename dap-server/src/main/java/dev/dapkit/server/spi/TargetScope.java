package dev.dapkit.server.spi;

import java.util.Objects;
import org.eclipse.lsp4j.debug.Scope;

/**
 * A scope of a frame.
 *
 * @param scope the scope as DAP shows it; the engine sets {@code variablesReference}
 * @param variables what the client expands to list the scope's variables
 */
public record TargetScope(Scope scope, VariableContainer variables) {

    public TargetScope {
        Objects.requireNonNull(scope, "scope");
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
}
