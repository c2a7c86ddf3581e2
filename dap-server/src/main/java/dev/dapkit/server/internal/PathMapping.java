package dev.dapkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dapkit.model.RawJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code localRoot}/{@code remoteRoot} pair of a launch or attach configuration: files under
 * {@code localRoot} on the client's machine are the files under {@code remoteRoot} in the debuggee.
 *
 * @param localRoot the client's directory
 * @param remoteRoot the debuggee's directory
 */
record PathMapping(String localRoot, String remoteRoot) {

    PathMapping {
        Objects.requireNonNull(localRoot, "localRoot");
        Objects.requireNonNull(remoteRoot, "remoteRoot");
    }

    /**
     * The mappings of a launch or attach configuration, as VS Code users write them:
     * {@code "pathMappings": [{"localRoot": "...", "remoteRoot": "..."}]}, and the older
     * ptvsd/debugpy form with {@code "localRoot"} and {@code "remoteRoot"} at the top level.
     * Entries missing either root are skipped.
     */
    static List<PathMapping> fromArguments(RawJson arguments) {
        List<PathMapping> mappings = new ArrayList<>();
        if (arguments == null) {
            return mappings;
        }
        JsonNode root;
        try {
            root = arguments.tree();
        } catch (IllegalArgumentException e) {
            return mappings;
        }
        JsonNode list = root.get("pathMappings");
        if (list != null && list.isArray()) {
            for (JsonNode entry : list) {
                add(mappings, entry);
            }
        }
        add(mappings, root);
        return mappings;
    }

    private static void add(List<PathMapping> mappings, JsonNode entry) {
        JsonNode local = entry.get("localRoot");
        JsonNode remote = entry.get("remoteRoot");
        if (local != null && remote != null && local.isTextual() && remote.isTextual()) {
            mappings.add(new PathMapping(local.asText(), remote.asText()));
        }
    }
}
