package dev.dapkit.target.micropython.internal;

import dev.dapkit.server.spi.TargetException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The agent's Python source, shipped in this module as resources under {@value #FOLDER}, written out
 * to a folder an interpreter can import it from: {@value #FILE} and its CPython-only companion
 * {@value #CPYTHON_FILE} (a module of its own so that MicroPython never compiles it). Stateless.
 */
final class AgentResource {

    static final String FOLDER = "/dev/dapkit/target/micropython/agent/";
    static final String FILE = "dapkit_agent.py";
    static final String CPYTHON_FILE = "dapkit_agent_cpython.py";
    static final String RESOURCE = FOLDER + FILE;

    private AgentResource() {
    }

    /** A new temporary folder holding {@value #FILE} and {@value #CPYTHON_FILE}; deleted when the JVM exits. */
    static Path extract() throws TargetException {
        Path folder;
        try {
            folder = Files.createTempDirectory("dapkit-agent");
        } catch (IOException e) {
            throw MicroPythonErrors.cannotLaunch("cannot create a temporary folder for the agent " + FILE + ": "
                    + e.getMessage());
        }
        folder.toFile().deleteOnExit();
        for (String name : List.of(FILE, CPYTHON_FILE)) {
            write(name, folder.resolve(name));
        }
        return folder;
    }

    private static void write(String name, Path file) throws TargetException {
        try (InputStream in = AgentResource.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw MicroPythonErrors.cannotLaunch("the agent " + FOLDER + name + " is missing from the"
                        + " target-micropython jar: this build of dapkit cannot launch programs");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw MicroPythonErrors.cannotLaunch("cannot write the agent's " + name + " to " + file.getParent() + ": "
                    + e.getMessage());
        }
    }
}
