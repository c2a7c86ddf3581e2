package dev.dapkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The schema bundled in the jar must be the project's reference copy, byte for byte. */
class BundledSchemaTest {

    /** Relative to the module directory, where Maven runs the tests: {@code <repo>/../shared/spec}. */
    private static final Path REFERENCE = Path.of("..", "..", "shared", "spec", "debugAdapterProtocol.json");

    @Test
    void bundledCopyEqualsTheReferenceSchema() throws IOException {
        Path reference = REFERENCE.toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(reference),
                () -> "reference schema " + reference + " is not there (checkout without ../shared); "
                        + "cannot compare the bundled copy with it");
        byte[] bundled;
        try (InputStream in = DapSchemaValidator.class.getResourceAsStream("debugAdapterProtocol.json")) {
            assertNotNull(in, "resource dev/dapkit/testkit/debugAdapterProtocol.json is missing");
            bundled = in.readAllBytes();
        }
        assertArrayEquals(Files.readAllBytes(reference), bundled,
                "dap-testkit/src/main/resources/dev/dapkit/testkit/debugAdapterProtocol.json differs from "
                        + reference + ": copy the reference schema over it");
    }
}
