package dev.dapkit.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledSampleTest {

    @Test
    void extractsClassAndSourceByPackageAndDeletesThemOnClose() throws Exception {
        Path root;
        try (BundledSample sample = BundledSample.extract()) {
            root = sample.classes().getParent();
            Path classFile = sample.classes().resolve("dev/dapkit/samples/demo/Inventory.class");
            assertTrue(Files.size(classFile) > 0, "class file copied: " + classFile);
            assertEquals(sample.sources().resolve("dev/dapkit/samples/demo/Inventory.java"), sample.sourceFile());
            assertTrue(Files.readString(sample.sourceFile()).contains("public final class Inventory"));
            assertEquals(List.of(sample.classes().toString()), sample.launchArguments().get("classPaths"));
            assertEquals(BundledSample.MAIN_CLASS, sample.launchArguments().get("mainClass"));
        }
        assertFalse(Files.exists(root), "temporary folder left behind: " + root);
    }

    @Test
    void findsLinesByTheirCode() throws Exception {
        try (BundledSample sample = BundledSample.extract()) {
            List<String> lines = Files.readAllLines(sample.sourceFile());
            int line = sample.lineOf(DemoScript.LOOP_LINE);

            assertEquals(DemoScript.LOOP_LINE, lines.get(line - 1).strip());
            IllegalStateException missing = assertThrows(IllegalStateException.class, () -> sample.lineOf("goto 10;"));
            assertTrue(missing.getMessage().contains("Inventory.java") && missing.getMessage().contains("goto 10;"),
                    missing.getMessage());
        }
    }
}
