package dev.dapkit.target.micropython.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Python process that runs the agent: its stdout as lines (read by a daemon thread), its stderr in a
 * file for failure messages. Closing it kills what is still running.
 */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();

    private AgentProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::readStdout, "agent-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code interpreter args...} with the agent's folder on its module path. */
    static AgentProcess start(Interpreter interpreter, Path agentDir, Path workDir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(interpreter.executable().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put(interpreter.pathVariable(), interpreter.pathValue(agentDir));
        builder.environment().remove("PYTHONSTARTUP");
        Path stderr = workDir.resolve("stderr-" + System.nanoTime() + ".txt");
        builder.redirectError(stderr.toFile());
        try {
            return new AgentProcess(builder.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The next line the program printed on stdout, or null after the timeout or at its end. */
    String nextLine(long seconds) throws InterruptedException {
        String line = stdout.poll(seconds, TimeUnit.SECONDS);
        return line == null || line == END ? null : line;
    }

    /** Waits for the process to end and returns its exit status, or -1 if it is still running. */
    int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    String stderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static final String END = new String("end of stdout");

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                stdout.add(line);
            }
        } catch (IOException e) {
            // the process died; END below tells the waiting test
        } finally {
            stdout.add(END);
        }
    }
}
