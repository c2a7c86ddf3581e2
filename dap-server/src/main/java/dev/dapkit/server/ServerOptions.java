package dev.dapkit.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DapServer} runs its sessions. Immutable and thread-safe: start from
 * {@link #defaults()} and change values with the {@code with...} methods.
 *
 * @param secret the secret a client must send as {@code "secret"} in its {@code launch} or
 *     {@code attach} arguments before anything but {@code initialize} is answered; null for none
 * @param maxBufferedOutputBytes how many bytes of {@code output} events a session holds for a
 *     client that does not keep up; output beyond it is dropped, counted and reported once
 * @param requestTimeout how long a reverse request ({@code runInTerminal}, {@code startDebugging})
 *     waits for the client's response
 * @param terminateGrace how long a session stays open after its {@code terminated} event when the
 *     client does not disconnect, and how long a last message may take to go out before the
 *     connection is closed anyway
 * @param secretFailureDelay the delay before answering the first wrong or missing secret; it
 *     doubles with each consecutive failure on the server (from any client), up to a minute
 */
public record ServerOptions(String secret, int maxBufferedOutputBytes, Duration requestTimeout,
        Duration terminateGrace, Duration secretFailureDelay) {

    /** 4 MiB of output held for a slow client. */
    public static final int DEFAULT_MAX_BUFFERED_OUTPUT_BYTES = 4 * 1024 * 1024;

    private static final ServerOptions DEFAULTS = new ServerOptions(null, DEFAULT_MAX_BUFFERED_OUTPUT_BYTES,
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMillis(250));

    public ServerOptions {
        if (secret != null && secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty; use null for no secret");
        }
        if (maxBufferedOutputBytes < 1024) {
            throw new IllegalArgumentException("maxBufferedOutputBytes must be at least 1024, got " + maxBufferedOutputBytes);
        }
        requirePositiveOrZero(requestTimeout, "requestTimeout");
        requirePositiveOrZero(terminateGrace, "terminateGrace");
        requirePositiveOrZero(secretFailureDelay, "secretFailureDelay");
        if (requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }

    /** No secret, 4 MiB of output buffer, 60 s for reverse requests, 5 s of grace, 250 ms first failure delay. */
    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /** These options with a secret (null for none). */
    public ServerOptions withSecret(String secret) {
        return new ServerOptions(secret, maxBufferedOutputBytes, requestTimeout, terminateGrace, secretFailureDelay);
    }

    /** These options with another output buffer bound. */
    public ServerOptions withMaxBufferedOutputBytes(int maxBufferedOutputBytes) {
        return new ServerOptions(secret, maxBufferedOutputBytes, requestTimeout, terminateGrace, secretFailureDelay);
    }

    /** These options with another reverse request timeout. */
    public ServerOptions withRequestTimeout(Duration requestTimeout) {
        return new ServerOptions(secret, maxBufferedOutputBytes, requestTimeout, terminateGrace, secretFailureDelay);
    }

    /** These options with another grace time after {@code terminated}. */
    public ServerOptions withTerminateGrace(Duration terminateGrace) {
        return new ServerOptions(secret, maxBufferedOutputBytes, requestTimeout, terminateGrace, secretFailureDelay);
    }

    /** These options with another delay before answering the first wrong secret. */
    public ServerOptions withSecretFailureDelay(Duration secretFailureDelay) {
        return new ServerOptions(secret, maxBufferedOutputBytes, requestTimeout, terminateGrace, secretFailureDelay);
    }

    /** Hides the secret, so that options can be logged. */
    @Override
    public String toString() {
        return "ServerOptions[secret=" + (secret == null ? "none" : "***") + ", maxBufferedOutputBytes="
                + maxBufferedOutputBytes + ", requestTimeout=" + requestTimeout + ", terminateGrace=" + terminateGrace
                + ", secretFailureDelay=" + secretFailureDelay + "]";
    }

    private static void requirePositiveOrZero(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }
}
