package dev.dapkit.model.internal.transport;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.transport.ProcessConnection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link StreamConnection} over a child process's standard input and output, plus a
 * {@link StderrTail} of its standard error. Thread-safe.
 */
public final class ChildProcessConnection implements ProcessConnection {

    private final Process process;
    private final StreamConnection connection;
    private final StderrTail stderr;

    public ChildProcessConnection(Process process, String description, int stderrTailBytes) {
        this.process = process;
        this.connection = new StreamConnection(process.getInputStream(), process.getOutputStream(), description,
                FrameLimits.defaults());
        this.stderr = new StderrTail(stderrTailBytes);
        stderr.drain(process.getErrorStream(), "dapkit-stderr-" + description);
    }

    @Override
    public Process process() {
        return process;
    }

    @Override
    public String stderrTail() {
        return stderr.text();
    }

    @Override
    public CompletableFuture<Void> stderrEnded() {
        return stderr.ended().copy();
    }

    @Override
    public void start(Consumer<DapMessage> receiver) {
        connection.start(receiver);
    }

    @Override
    public CompletableFuture<Void> send(DapMessage message) {
        return connection.send(message);
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return connection.closeFuture();
    }

    @Override
    public String description() {
        return connection.description();
    }

    @Override
    public String toString() {
        return "ChildProcessConnection[" + connection.description() + "]";
    }

    /** The underlying stream connection; for tests. */
    StreamConnection streamConnection() {
        return connection;
    }
}
