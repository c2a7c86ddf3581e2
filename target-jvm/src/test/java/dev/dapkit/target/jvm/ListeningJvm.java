package dev.dapkit.target.jvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample running in a child JVM without a debugger, its debug agent listening on a port it
 * picked (read from the agent's first line of output), for attach tests. Closing it kills it.
 * Not thread-safe: the test thread uses it.
 */
final class ListeningJvm implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening for transport dt_socket at address: (?:[^\\s]*:)?(\\d+)");

    private final Process process;
    private final int port;

    private ListeningJvm(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a sample on a free port and waits (bounded) until its agent listens. */
    static ListeningJvm start(String sample) throws IOException {
        int free;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        List<String> command = Samples.listeningCommand(sample, free);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IOException("the JVM ended before its agent listened: " + command));
        }, "listening-jvm-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ListeningJvm(process, port.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the debug agent of " + command + " did not report its port", e);
        }
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "a JVM listening for a debugger on port " + port + " (pid " + process.pid() + ")";
    }
}
