package dev.dapkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.model.RawJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks the {@code "secret"} a client sends in its {@code launch} or {@code attach} arguments.
 * The comparison takes the same time whatever the secret given: both sides are hashed first (so
 * even the length does not leak) and compared with {@link MessageDigest#isEqual}.
 *
 * <p>Immutable and thread-safe.
 */
final class SecretCheck {

    private static final String KEY = "secret";

    private final byte[] expectedDigest;

    SecretCheck(String secret) {
        this.expectedDigest = digest(secret);
    }

    /** Whether {@code arguments} carry the right secret. */
    boolean matches(RawJson arguments) {
        String given = null;
        try {
            JsonNode value = arguments == null ? null : arguments.tree().get(KEY);
            given = value != null && value.isTextual() ? value.asText() : null;
        } catch (IllegalArgumentException e) {
            given = null;
        }
        byte[] givenDigest = digest(given == null ? "" : given);
        return MessageDigest.isEqual(expectedDigest, givenDigest) && given != null;
    }

    /** The arguments without the secret, for the target: it has no business seeing it. */
    static RawJson withoutSecret(RawJson arguments) {
        JsonNode tree = arguments.tree();
        if (tree instanceof ObjectNode object && object.has(KEY)) {
            object.remove(KEY);
            return RawJson.from(object);
        }
        return arguments;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256, which every Java SE runtime must have", e);
        }
    }
}
