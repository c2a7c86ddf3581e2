package dev.dapkit.target.micropython.internal;

import dev.dapkit.server.spi.VariableContainer;

/**
 * Something whose children the agent lists with {@code vars}: a scope or a value it numbered
 * ({@code ref}); valid until the thread resumes. Immutable.
 *
 * @param threadId the thread that was stopped when the agent issued the reference
 * @param ref the agent's reference
 * @param kind how the children are named, which decides their {@code evaluateName} and paging
 * @param evaluateName an expression for the container itself, or null (a scope, a value without one)
 */
record AgentContainer(int threadId, int ref, Kind kind, String evaluateName) implements VariableContainer {

    /** How a container's children are named. */
    enum Kind {
        /** A scope: children are variables, named as they are. */
        SCOPE,
        /** A list, tuple, bytes, ...: children are indexed {@code [0]}, {@code [1]}. */
        SEQUENCE,
        /** A dict: children are named by their key's {@code repr}. */
        MAPPING,
        /** A set: children have no name that reaches them. */
        SET,
        /** Any other object: children are attributes. */
        OBJECT;

        /** The kind of a value of Python type {@code type}. */
        static Kind ofType(String type) {
            if (type == null) {
                return OBJECT;
            }
            return switch (type) {
                case "list", "tuple", "bytes", "bytearray", "array", "memoryview", "range", "deque" -> SEQUENCE;
                case "dict", "OrderedDict", "defaultdict" -> MAPPING;
                case "set", "frozenset" -> SET;
                default -> OBJECT;
            };
        }
    }

    /** An expression for the child {@code name}, or null when there is none. */
    String childEvaluateName(String name) {
        return switch (kind) {
            case SCOPE -> name;
            case SEQUENCE, MAPPING -> evaluateName == null ? null : evaluateName + "[" + name + "]";
            case OBJECT -> evaluateName == null || !PythonNames.isIdentifier(name) ? null : evaluateName + "." + name;
            case SET -> null;
        };
    }

    @Override
    public String toString() {
        return "value " + ref + (evaluateName == null ? "" : " (" + evaluateName + ")") + " of thread " + threadId;
    }
}
