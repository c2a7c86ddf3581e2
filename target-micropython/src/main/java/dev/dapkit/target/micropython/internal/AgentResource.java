package dev.dapkit.target.micropython.internal;

import dev.dapkit.server.spi.TargetException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The agent's Python source, shipped in this module as the resource {@value #RESOURCE}, written out
 * to a folder an interpreter can import it from. Stateless.
 */
final class AgentResource {

    static final String RESOURCE = "/dev/dapkit/target/micropython/agent/dapkit_agent.py";
    static final String FILE = "dapkit_agent.py";

    private AgentResource() {
    }

    /** A new temporary folder holding {@value #FILE}; deleted when the JVM exits. */
    static Path extract() throws TargetException {
        try (InputStream in = AgentResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw MicroPythonErrors.cannotLaunch("the agent " + RESOURCE + " is missing from the target-micropython"
                        + " jar: this build of dapkit cannot launch programs");
            }
            Path folder = Files.createTempDirectory("dapkit-agent");
            Path file = folder.resolve(FILE);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw MicroPythonErrors.cannotLaunch("cannot write the agent " + FILE + " to a temporary folder: "
                    + e.getMessage());
        }
    }
}
