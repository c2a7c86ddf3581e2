package dev.dapkit.samples.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The VS Code {@code launch.json} configuration that debugs through a running {@code dapkit serve}.
 * VS Code's {@code "debugServer": <port>} makes it connect to an adapter already listening on
 * that port of localhost instead of starting the extension's own; the {@code type} must still be
 * one an installed extension contributes, and the other keys are the target's launch arguments.
 *
 * <p>Immutable values only; thread-safe.
 */
final class LaunchJsonSnippet {

    private LaunchJsonSnippet() {
    }

    /** The one-line explanation printed above the snippet. */
    static String explanation(String targetId) {
        return "VS Code: add this to .vscode/launch.json; \"debugServer\" makes VS Code talk to this server instead of"
                + " starting the \"" + debugType(targetId) + "\" extension's own adapter:";
    }

    /** The configuration, as JSON lines indented for pasting into {@code "configurations": [...]}. */
    static String configuration(String targetId, URI address, boolean secretRequired) {
        List<String> keys = new ArrayList<>();
        keys.add(quoted("name") + ": " + quoted("dapkit " + targetId + " at " + address.getHost() + ":" + address.getPort()));
        keys.add(quoted("type") + ": " + quoted(debugType(targetId)));
        // a board runs its program already, so the MicroPython snippet attaches to its agent as debugpy users do
        boolean attach = "micropython".equals(targetId);
        keys.add(quoted("request") + ": " + quoted(attach ? "attach" : "launch"));
        keys.add(quoted("debugServer") + ": " + address.getPort());
        if (attach) {
            keys.add(quoted("connect") + ": {" + quoted("host") + ": " + quoted("192.168.1.20") + ", " + quoted("port")
                    + ": 5678}");
            keys.add(quoted("pathMappings") + ": [{" + quoted("localRoot") + ": " + quoted("${workspaceFolder}") + ", "
                    + quoted("remoteRoot") + ": " + quoted("/") + "}]");
        }
        if ("jvm".equals(targetId)) {
            keys.add(quoted("mainClass") + ": " + quoted("com.example.Main"));
            keys.add(quoted("classPaths") + ": [" + quoted("${workspaceFolder}/target/classes") + "]");
            keys.add(quoted("sourcePaths") + ": [" + quoted("${workspaceFolder}/src/main/java") + "]");
        }
        if (secretRequired) {
            keys.add(quoted("secret") + ": " + quoted("<the secret given to dapkit serve>"));
        }
        return "{\n  " + String.join(",\n  ", keys) + "\n}";
    }

    /** A debug type VS Code knows for the target; the {@code java} one comes with the Java debugger extension. */
    private static String debugType(String targetId) {
        return switch (targetId) {
            case "jvm" -> "java";
            case "micropython" -> "python";
            default -> targetId;
        };
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
