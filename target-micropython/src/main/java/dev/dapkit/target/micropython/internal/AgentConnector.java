package dev.dapkit.target.micropython.internal;

import dev.dapkit.server.spi.TargetException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Opens the socket to an agent: by connecting to one that listens ({@code dapkit_agent.listen()}),
 * or by waiting for one that dials in ({@code dapkit_agent.connect()}). Stateless.
 */
final class AgentConnector {

    /** How long to wait between attempts while an agent refuses (a board still booting, say). */
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private AgentConnector() {
    }

    /**
     * Connects to an agent that listens, trying again while the connection is refused until the
     * time is up.
     */
    static Socket connect(String host, int port, int timeoutMillis) throws TargetException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String why;
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, left));
                return socket;
            } catch (UnknownHostException e) {
                close(socket);
                throw MicroPythonErrors.cannotAttach("cannot attach to a MicroPython agent at " + host + ":" + port
                        + ": unknown host " + host);
            } catch (ConnectException | NoRouteToHostException e) {
                close(socket);
                why = e.getMessage() == null ? "connection refused" : lowerFirst(e.getMessage());
            } catch (SocketTimeoutException e) {
                close(socket);
                why = "no answer (is the board on the network, and the port right?)";
            } catch (IOException e) {
                close(socket);
                why = lowerFirst(String.valueOf(e.getMessage()));
            }
            if (System.nanoTime() + RETRY_NANOS >= deadline) {
                throw MicroPythonErrors.cannotAttach("no MicroPython agent answered at " + host + ":" + port + " within "
                        + MicroPythonErrors.seconds(timeoutMillis) + ": " + why);
            }
            LockSupport.parkNanos(RETRY_NANOS);
        }
    }

    /** A server socket for agents to dial in to. */
    static ServerSocket bind(String host, int port) throws TargetException {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(host, port), 1);
            return server;
        } catch (IOException e) {
            throw MicroPythonErrors.cannotAttach("cannot listen for a MicroPython agent on " + host + ":" + port + ": "
                    + e.getMessage());
        }
    }

    /**
     * Waits for an agent to dial in.
     *
     * @param stillWaiting checked about every 250 ms; when it turns false the wait ends early (a
     *     launched interpreter died, say) and null is returned
     * @return the agent's socket, or null when {@code stillWaiting} turned false
     */
    static Socket accept(ServerSocket server, int timeoutMillis, BooleanSupplier stillWaiting, String what)
            throws TargetException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (stillWaiting.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw MicroPythonErrors.cannotAttach("no MicroPython agent dialed in to " + what + " within "
                            + MicroPythonErrors.seconds(timeoutMillis));
                }
                server.setSoTimeout((int) Math.min(250, left));
                try {
                    return server.accept();
                } catch (SocketTimeoutException e) {
                    // look at stillWaiting again
                }
            }
            return null;
        } catch (IOException e) {
            throw MicroPythonErrors.cannotAttach("waiting for a MicroPython agent on " + what + " failed: "
                    + e.getMessage());
        }
    }

    static String describe(Socket socket) {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing was connected
        }
    }

    private static String lowerFirst(String text) {
        String t = text.replaceFirst(" \\(Connection refused\\)$", "");
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
}
