package dev.dapkit.server.spi;

import java.util.Objects;
import org.eclipse.lsp4j.debug.Variable;

/**
 * A variable, a child of a structured value, or the result of an evaluation.
 *
 * @param variable the variable as DAP shows it; the engine sets {@code variablesReference}
 * @param children what the client expands to see the value's children, or null for a value without any
 */
public record TargetVariable(Variable variable, VariableContainer children) {

    public TargetVariable {
        Objects.requireNonNull(variable, "variable");
    }

    /** A leaf: a name, its value as shown, and its type (or null). */
    public static TargetVariable leaf(String name, String value, String type) {
        return new TargetVariable(variable(name, value, type), null);
    }

    /** A structured value whose children the client may expand. */
    public static TargetVariable structured(String name, String value, String type, VariableContainer children) {
        return new TargetVariable(variable(name, value, type), Objects.requireNonNull(children, "children"));
    }

    private static Variable variable(String name, String value, String type) {
        Variable v = new Variable();
        v.setName(name);
        v.setValue(value);
        v.setType(type);
        return v;
    }
}
