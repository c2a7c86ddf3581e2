package dev.dapkit.server.spi;

import java.util.Objects;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablePresentationHint;

/**
 * A variable, a child of a structured value, or the result of an evaluation. Immutable: build one
 * with {@link #leaf} or {@link #structured} and the {@code with...} methods, each of which returns
 * a new value, e.g.
 * {@code TargetVariable.structured("a", "[1, 2]", "list", children).withIndexedVariables(2).withEvaluateName("a")}.
 *
 * @param variable the variable as DAP shows it; the engine sets {@code variablesReference}. The
 *     record keeps its own copy, and {@link #variable()} returns a fresh copy each time: changing
 *     it changes nothing
 * @param children what the client expands to see the value's children, or null for a value without any
 */
public record TargetVariable(Variable variable, VariableContainer children) {

    public TargetVariable {
        variable = copy(Objects.requireNonNull(variable, "variable"));
    }

    /** A leaf: a name, its value as shown, and its type (or null). */
    public static TargetVariable leaf(String name, String value, String type) {
        return new TargetVariable(variable(name, value, type), null);
    }

    /** A structured value whose children the client may expand. */
    public static TargetVariable structured(String name, String value, String type, VariableContainer children) {
        return new TargetVariable(variable(name, value, type), Objects.requireNonNull(children, "children"));
    }

    /** A copy of the variable as DAP shows it. */
    @Override
    public Variable variable() {
        return copy(variable);
    }

    /** With DAP's {@code evaluateName}: an expression that evaluates to this value, e.g. {@code a[1]}. */
    public TargetVariable withEvaluateName(String evaluateName) {
        Variable v = copy(variable);
        v.setEvaluateName(evaluateName);
        return new TargetVariable(v, children);
    }

    /** With DAP's {@code namedVariables}: how many named children the value has, so a client can page them. */
    public TargetVariable withNamedVariables(int count) {
        Variable v = copy(variable);
        v.setNamedVariables(count);
        return new TargetVariable(v, children);
    }

    /** With DAP's {@code indexedVariables}: how many indexed children the value has, so a client can page them. */
    public TargetVariable withIndexedVariables(int count) {
        Variable v = copy(variable);
        v.setIndexedVariables(count);
        return new TargetVariable(v, children);
    }

    /** With DAP's {@code presentationHint} (kind, attributes, visibility); the hint is copied. */
    public TargetVariable withPresentationHint(VariablePresentationHint hint) {
        Variable v = copy(variable);
        v.setPresentationHint(copy(hint));
        return new TargetVariable(v, children);
    }

    /** With DAP's {@code memoryReference}, for a target that serves memory reads. */
    public TargetVariable withMemoryReference(String memoryReference) {
        Variable v = copy(variable);
        v.setMemoryReference(memoryReference);
        return new TargetVariable(v, children);
    }

    private static Variable variable(String name, String value, String type) {
        Variable v = new Variable();
        v.setName(name);
        v.setValue(value);
        v.setType(type);
        return v;
    }

    private static Variable copy(Variable from) {
        Variable v = new Variable();
        v.setName(from.getName());
        v.setValue(from.getValue());
        v.setType(from.getType());
        v.setPresentationHint(copy(from.getPresentationHint()));
        v.setEvaluateName(from.getEvaluateName());
        v.setVariablesReference(from.getVariablesReference());
        v.setNamedVariables(from.getNamedVariables());
        v.setIndexedVariables(from.getIndexedVariables());
        v.setMemoryReference(from.getMemoryReference());
        v.setDeclarationLocationReference(from.getDeclarationLocationReference());
        v.setValueLocationReference(from.getValueLocationReference());
        return v;
    }

    private static VariablePresentationHint copy(VariablePresentationHint from) {
        if (from == null) {
            return null;
        }
        VariablePresentationHint h = new VariablePresentationHint();
        h.setKind(from.getKind());
        h.setAttributes(from.getAttributes() == null ? null : from.getAttributes().clone());
        h.setVisibility(from.getVisibility());
        h.setLazy(from.getLazy());
        return h;
    }
}
