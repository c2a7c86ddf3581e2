package dev.dapkit.server.spi;

/** Optional: changes a variable's value ({@code setVariable}). */
public interface VariableSetter {

    /**
     * Sets the child {@code name} of {@code container} to the value of {@code value}, an expression.
     *
     * @return the variable with its new value
     */
    TargetVariable setVariable(VariableContainer container, String name, String value) throws TargetException;
}
