package dev.dapkit.server.spi;

/**
 * Something whose children a client may expand: a scope, an object, an array, a map. The target
 * implements this with its own class; the engine issues the {@code variablesReference} for it and
 * hands the same object back in {@link DebugTarget#variables}, until the debuggee resumes.
 */
public interface VariableContainer {
}
