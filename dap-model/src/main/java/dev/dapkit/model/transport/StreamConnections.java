package dev.dapkit.model.transport;

import dev.dapkit.model.framing.FrameLimits;
import dev.dapkit.model.internal.transport.ChildProcessConnection;
import dev.dapkit.model.internal.transport.StreamConnection;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Connections over a pair of byte streams, framed with {@code Content-Length} headers: any
 * streams, a child process's standard streams, or this process's own.
 *
 * <p>Each connection reads on one daemon thread of its own ({@code dapkit-reader-<description>}),
 * which also delivers the messages, and writes on another ({@code dapkit-writer-<description>},
 * started by the first send). The connection owns both streams and closes them when it closes.
 * Closing stops the reader at once for streams whose {@code close} interrupts a blocked read
 * (sockets, {@link java.nio.channels.Channels} streams); for others (pipes, standard input) the
 * reader thread ends when its read returns, and delivers nothing more.
 */
public final class StreamConnections {

    /** How much of a child process's standard error {@link #forProcess(Process)} keeps. */
    public static final int DEFAULT_STDERR_TAIL_BYTES = 64 * 1024;

    private StreamConnections() {
    }

    /** A connection reading frames from {@code in} and writing them to {@code out}, with default frame limits. */
    public static DapConnection of(InputStream in, OutputStream out, String description) {
        return of(in, out, description, FrameLimits.defaults());
    }

    /** A connection reading frames from {@code in} and writing them to {@code out}. */
    public static DapConnection of(InputStream in, OutputStream out, String description, FrameLimits limits) {
        return new StreamConnection(Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"),
                Objects.requireNonNull(description, "description"), Objects.requireNonNull(limits, "limits"));
    }

    /**
     * A connection to {@code process} over its standard input and output, keeping the last
     * {@value #DEFAULT_STDERR_TAIL_BYTES} bytes of its standard error.
     */
    public static ProcessConnection forProcess(Process process) {
        return forProcess(process, DEFAULT_STDERR_TAIL_BYTES);
    }

    /**
     * A connection to {@code process} over its standard input and output, keeping the last
     * {@code stderrTailBytes} bytes of its standard error. Standard error is read on a daemon
     * thread ({@code dapkit-stderr-<description>}) until the process closes it, so that a chatty
     * process never blocks on a full pipe.
     */
    public static ProcessConnection forProcess(Process process, int stderrTailBytes) {
        Objects.requireNonNull(process, "process");
        if (stderrTailBytes <= 0) {
            throw new IllegalArgumentException("stderr tail must hold at least one byte, not " + stderrTailBytes);
        }
        String description = "process " + process.pid() + process.info().command()
                .map(command -> " (" + Path.of(command).getFileName() + ")").orElse("");
        return new ChildProcessConnection(process, description, stderrTailBytes);
    }

    /**
     * A connection over this process's standard input and output file descriptors, described as
     * {@code stdio}. These are the real descriptors, not {@code System.in} and {@code System.out}:
     * an application may point {@code System.out} elsewhere to keep stray prints off the DAP
     * channel, and {@code System.out} hides write errors. Make one per process; closing it closes
     * both descriptors (the peer sees the end of the stream).
     */
    public static DapConnection stdio() {
        return of(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), "stdio");
    }
}
