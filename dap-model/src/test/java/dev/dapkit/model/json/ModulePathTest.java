package dev.dapkit.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.probe.ModulePathProbe;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tests run on the class path; this one starts a JVM with dapkit as a named module and LSP4J as
 * an automatic one, and checks that the fast codec reaches LSP4J's fields there too (through a
 * private lookup, without {@code setAccessible}).
 */
class ModulePathTest {

    private static final List<String> MODULE_JARS = List.of("jackson-core", "jackson-databind", "jackson-annotations",
            "org.eclipse.lsp4j.debug-", "org.eclipse.lsp4j.jsonrpc-", "slf4j-api", "gson");

    @Test
    void theFastCodecWorksOnTheModulePath() throws Exception {
        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        String modulePath = Stream.of(classPath)
                .filter(entry -> entry.endsWith("classes") && Path.of(entry, "module-info.class").toFile().isFile()
                        || MODULE_JARS.stream().anyMatch(name -> Path.of(entry).getFileName().toString().startsWith(name)))
                .collect(Collectors.joining(File.pathSeparator));
        String probeDirectory = Path.of(ModulePathProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "--add-modules", "dev.dapkit.model,org.eclipse.lsp4j.debug",
                "-cp", probeDirectory, ModulePathProbe.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = output.lines().filter(line -> !line.startsWith("SLF4J")).toList();
        assertEquals(List.of("modules: dev.dapkit.model, org.eclipse.lsp4j.debug automatic=true",
                // four non-ASCII bytes: the emoji written as UTF-8, so by the fast codec, not Jackson
                "json: {\"stackFrames\":[{\"id\":3,\"name\":\"x????\",\"line\":0,\"column\":0,"
                        + "\"presentationHint\":\"label\"}]}",
                "equal: true",
                "setAccessible: false"), lines, output);
        assertEquals(0, process.exitValue(), output);
    }
}
