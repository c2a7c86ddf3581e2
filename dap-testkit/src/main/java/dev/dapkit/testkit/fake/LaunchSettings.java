package dev.dapkit.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.TargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake target's {@code launch} arguments:
 * {@code {"program": "/remote/app/main.fake", "stopOnEntry": false, "args": ["a"], "sources": {path: text}}}.
 * Only {@code program} is required; {@code sources} adds files to the provider's. Unknown keys are ignored.
 */
record LaunchSettings(String program, boolean stopOnEntry, List<String> args, Map<String, String> sources) {

    static LaunchSettings of(RawJson arguments) throws TargetException {
        JsonNode tree = arguments == null ? MissingNode.getInstance() : arguments.tree();
        JsonNode program = tree.path("program");
        if (!program.isTextual() || program.asText().isBlank()) {
            throw TargetErrors.launchSettings("launch needs \"program\": the target path of the main file, "
                    + "e.g. \"/remote/app/main.fake\"; got " + (program.isMissingNode() ? "none" : program));
        }
        List<String> args = new ArrayList<>();
        tree.path("args").forEach(a -> args.add(a.asText()));
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> file : tree.path("sources").properties()) {
            if (!file.getValue().isTextual()) {
                throw TargetErrors.launchSettings("launch \"sources\" maps a target path to the file's text, "
                        + "but \"" + file.getKey() + "\" maps to " + file.getValue().getNodeType());
            }
            sources.put(file.getKey(), file.getValue().asText());
        }
        return new LaunchSettings(program.asText(), tree.path("stopOnEntry").asBoolean(false), List.copyOf(args),
                Map.copyOf(sources));
    }
}
