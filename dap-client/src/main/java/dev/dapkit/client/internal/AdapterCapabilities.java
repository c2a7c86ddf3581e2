package dev.dapkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dapkit.model.RawJson;
import org.eclipse.lsp4j.debug.Capabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the adapter said it can do: the body of its {@code initialize} response, updated by
 * {@code capabilities} events (whose non-absent fields replace the old ones).
 *
 * <p>Thread-safe. The state is an immutable {@link RawJson} swapped under a lock; every read
 * binds a new {@link Capabilities}, so no caller ever shares or changes the client's copy.
 */
final class AdapterCapabilities {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterCapabilities.class);

    private volatile RawJson current = RawJson.parse("{}");

    /** Replaces everything with the {@code initialize} response's body (null: none). */
    void initialized(RawJson body) {
        synchronized (this) {
            current = body == null || body.isNull() ? RawJson.parse("{}") : body;
        }
    }

    /** Merges the {@code capabilities} of a {@code capabilities} event's body. */
    void changed(RawJson eventBody) {
        if (eventBody == null) {
            return;
        }
        try {
            JsonNode changed = eventBody.tree().get("capabilities");
            if (changed == null || !changed.isObject()) {
                return;
            }
            synchronized (this) {
                JsonNode old = current.tree();
                ObjectNode merged = old.isObject() ? (ObjectNode) old : JsonNodeFactory.instance.objectNode();
                merged.setAll((ObjectNode) changed);
                current = RawJson.from(merged);
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring a capabilities event whose body is not valid: {}", e.getMessage());
        }
    }

    /** A fresh copy of the capabilities; empty before {@code initialize} has been answered. */
    Capabilities get() {
        try {
            return current.bind(Capabilities.class);
        } catch (IllegalArgumentException e) {
            LOG.warn("the adapter's capabilities do not fit the Capabilities type: {}", e.getMessage());
            return new Capabilities();
        }
    }

    /** Whether the boolean capability {@code name} (e.g. {@code supportsCancelRequest}) is true. */
    boolean supports(String name) {
        try {
            JsonNode value = current.tree().get(name);
            return value != null && value.asBoolean(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
