package dev.dapkit.transport.tcp.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one small NIO event loop group that every TCP server and connection of this process shares,
 * made on first use and shut down once nobody has used it for {@link #IDLE_SHUTDOWN_MILLIS}
 * (grpc's shared-resource pattern): an application that opens and closes connections now and
 * then keeps no idle threads, one that reconnects at once does not pay for a new group.
 *
 * <p>Its threads ({@code dapkit-tcp-<n>-<m>}) are daemon threads, so an application that forgets
 * to close a connection can still exit. Thread-safe.
 */
public final class SharedEventLoops {

    /** How long an unused group lives on, in case someone needs it again. */
    static final long IDLE_SHUTDOWN_MILLIS = 1000;

    private static final Object LOCK = new Object();
    /** The group handed to new users, or null when none is alive; guarded by {@link #LOCK}. */
    private static Shared current;

    private SharedEventLoops() {
    }

    /** A lease on the shared group, made when no group is alive; close the lease when done. */
    public static Lease acquire() {
        synchronized (LOCK) {
            if (current == null) {
                int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
                current = new Shared(new MultiThreadIoEventLoopGroup(threads,
                        new DefaultThreadFactory("dapkit-tcp", true), NioIoHandler.newFactory()));
            }
            current.users++;
            return new Lease(current);
        }
    }

    private static void release(Shared shared) {
        synchronized (LOCK) {
            shared.users--;
            if (shared.users > 0) {
                return;
            }
        }
        shared.group.schedule(() -> shutDownIfUnused(shared), IDLE_SHUTDOWN_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void shutDownIfUnused(Shared shared) {
        synchronized (LOCK) {
            if (shared.users > 0 || current != shared) {
                return;
            }
            current = null;
        }
        shared.group.shutdownGracefully(0, IDLE_SHUTDOWN_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static final class Shared {
        final EventLoopGroup group;
        /** Guarded by {@link #LOCK}. */
        int users;

        Shared(EventLoopGroup group) {
            this.group = group;
        }
    }

    /**
     * One user's hold on the shared group: the group stays alive while any lease on it is open.
     * Thread-safe; {@link #close()} is idempotent.
     */
    public static final class Lease implements AutoCloseable {

        private final Shared shared;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(Shared shared) {
            this.shared = shared;
        }

        /** The group; valid while this lease is open. */
        public EventLoopGroup group() {
            return shared.group;
        }

        /**
         * Another lease on the same group, for something that outlives this one (a connection
         * accepted by a server that may close first).
         *
         * @throws IllegalStateException when this lease is closed
         */
        public Lease share() {
            synchronized (LOCK) {
                if (closed.get()) {
                    throw new IllegalStateException("the event loop lease was already released");
                }
                shared.users++;
                return new Lease(shared);
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(shared);
            }
        }
    }
}
