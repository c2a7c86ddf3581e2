package dev.dapkit.client.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real debug adapters the interop tests drive, and the rule for a missing one: skipped with
 * a message naming the Debian package locally, a failure when {@code CI=true} (CI installs every
 * peer, so a missing one there is a broken build, not a reason to skip).
 */
final class Peers {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String LLDB_VSCODE = "lldb-vscode-16";

    private Peers() {
    }

    /** debugpy's adapter under Debian's Python ({@code python3-debugpy}). */
    static void requireDebugpy() {
        require(Files.isExecutable(PYTHON) && succeeds(List.of(PYTHON.toString(), "-c", "import debugpy.adapter")),
                "debugpy (/usr/bin/python3 -m debugpy.adapter)", "python3-debugpy");
    }

    /** lldb-vscode from LLDB 16 ({@code lldb-16}) and gcc to build its debuggee ({@code gcc}). */
    static void requireLldbVscode() {
        require(onPath(LLDB_VSCODE), LLDB_VSCODE, "lldb-16");
        require(onPath("gcc"), "gcc", "gcc");
    }

    /** Where {@code command} is on the PATH, or null. */
    static Path which(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean onPath(String command) {
        return which(command) != null;
    }

    private static void require(boolean available, String peer, String debianPackage) {
        if (available) {
            return;
        }
        String message = peer + " is not installed; install the Debian package " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: a missing peer fails instead of skipping)");
        }
        Assumptions.abort(message);
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
