package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.server.spi.TargetVariable;

/**
 * Turns the agent's value descriptions ({@code {"n", "v", "t", "ref", "size"}}) into the SPI's
 * variables: a value with {@code ref} > 0 can be expanded, lazily, through an
 * {@link AgentContainer}, and tells the client how many children it has, indexed for sequences
 * and named otherwise, so that clients page them. Stateless.
 */
final class AgentValues {

    private AgentValues() {
    }

    /** A child of {@code parent}, as {@code vars} listed it. */
    static TargetVariable child(AgentContainer parent, JsonNode value) {
        String name = value.path("n").asText("");
        return variable(parent.threadId(), name, parent.childEvaluateName(name), value);
    }

    /** The result of {@code eval} (or {@code set}), shown under {@code name}. */
    static TargetVariable result(int threadId, String name, String evaluateName, JsonNode value) {
        return variable(threadId, name, evaluateName, value);
    }

    private static TargetVariable variable(int threadId, String name, String evaluateName, JsonNode value) {
        String text = value.path("v").asText("");
        String type = value.hasNonNull("t") ? value.get("t").asText() : null;
        int ref = value.path("ref").asInt(0);
        TargetVariable variable;
        if (ref > 0) {
            AgentContainer.Kind kind = AgentContainer.Kind.ofType(type);
            variable = TargetVariable.structured(name, text, type, new AgentContainer(threadId, ref, kind, evaluateName));
            int size = value.path("size").asInt(0);
            if (size > 0) {
                variable = kind == AgentContainer.Kind.SEQUENCE ? variable.withIndexedVariables(size)
                        : variable.withNamedVariables(size);
            }
        } else {
            variable = TargetVariable.leaf(name, text, type);
        }
        return evaluateName == null ? variable : variable.withEvaluateName(evaluateName);
    }
}
