package dev.dapkit.target.micropython;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program started without a debugger, with the agent listening beside it
 * ({@code python -m dapkit_agent --listen 127.0.0.1:PORT program.py}), as a user starts a program
 * to attach to later. Its output goes to a file. Not thread-safe.
 */
final class ListeningProgram implements AutoCloseable {

    static final String AGENT_FOLDER = "/dev/dapkit/target/micropython/agent/";
    static final List<String> AGENT_FILES = List.of("dapkit_agent.py", "dapkit_agent_cpython.py");

    private final Process process;
    private final int port;
    private final Path log;

    private ListeningProgram(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ListeningProgram start(String python, Path program, Path scratch) throws IOException {
        Path agent = agentFolder(scratch);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(python, "-m", "dapkit_agent", "--listen", "127.0.0.1:" + port,
                program.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(program.getParent().toFile());
        builder.environment().put("MICROPYPATH", agent + ":.frozen");
        builder.environment().put("PYTHONPATH", agent.toString());
        Path log = scratch.resolve("listening-" + port + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ListeningProgram(builder.start(), port, log);
    }

    /** A folder holding the agent from the module's resources, for MICROPYPATH and PYTHONPATH. */
    static Path agentFolder(Path scratch) throws IOException {
        Path folder = scratch.resolve("agent");
        Files.createDirectories(folder);
        for (String file : AGENT_FILES) {
            try (InputStream in = ListeningProgram.class.getResourceAsStream(AGENT_FOLDER + file)) {
                if (in == null) {
                    throw new IOException(AGENT_FOLDER + file + " is not on the test class path");
                }
                Files.copy(in, folder.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }

    int port() {
        return port;
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** What the program printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "a program with the agent listening on 127.0.0.1:" + port;
    }
}
