package dev.dapkit.target.jvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.target.jvm.JvmLaunchConfiguration;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandTest {

    @TempDir
    Path temp;

    @Test
    void theCommandConnectsTheAgentBackAndKeepsTheOrderJavaNeeds() throws TargetException {
        JvmLaunchConfiguration config = JvmLaunchConfiguration.from(RawJson.from(Map.of("mainClass", "a.Main",
                "javaExec", "/no/java", "classPaths", List.of("x", "y"), "vmArgs", "-Xmx1g", "args", List.of("p", "q"))));
        assertEquals(List.of("/no/java", "-agentlib:jdwp=transport=dt_socket,server=n,suspend=y,address=127.0.0.1:99",
                "-Xmx1g", "-cp", "x" + File.pathSeparator + "y", "a.Main", "p", "q"), JavaCommand.of(config, "127.0.0.1:99"));
    }

    @Test
    void aModuleMainClassRunsWithDashM() throws TargetException {
        JvmLaunchConfiguration config = JvmLaunchConfiguration.from(RawJson.from(Map.of("mainClass", "app/a.Main",
                "javaExec", "/no/java", "modulePaths", "mods")));
        List<String> command = JavaCommand.of(config, "h:1");
        assertEquals(List.of("--module-path", "mods", "-m", "app/a.Main"), command.subList(2, 6));
        assertEquals("a.Main", JavaCommand.mainClassName(config));
    }

    @Test
    void aJdkOf21OrLaterIsAskedToListVirtualThreads() throws IOException, TargetException {
        Path jdk = fakeJdk("21.0.2");
        assertEquals(OptionalInt.of(21), JavaCommand.featureVersion(jdk.resolve("bin/java").toString()));
        JvmLaunchConfiguration config = JvmLaunchConfiguration.from(RawJson.from(Map.of("mainClass", "M",
                "javaHome", jdk.toString())));
        assertTrue(JavaCommand.of(config, "h:1").get(1).endsWith(",includevirtualthreads=y"));
        Path old = fakeJdk("1.8.0_402");
        assertEquals(OptionalInt.of(8), JavaCommand.featureVersion(old.resolve("bin/java").toString()));
        assertEquals(OptionalInt.empty(), JavaCommand.featureVersion(temp.resolve("nowhere/bin/java").toString()));
    }

    private Path fakeJdk(String version) throws IOException {
        Path home = Files.createDirectories(temp.resolve("jdk-" + version));
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
