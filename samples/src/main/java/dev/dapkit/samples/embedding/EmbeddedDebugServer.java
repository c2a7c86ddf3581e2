package dev.dapkit.samples.embedding;

import dev.dapkit.server.DapServer;
import dev.dapkit.server.DebugSession;
import dev.dapkit.server.ServerListener;
import dev.dapkit.server.ServerOptions;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Embeds a debug adapter in an application: a DAP server on a TCP port, with a target chosen by id. */
public final class EmbeddedDebugServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDebugServer.class);

    private EmbeddedDebugServer() {
    }

    /**
     * Starts the server; {@link DapServer#close()} ends every session with {@code terminated}.
     *
     * @param port the port on 127.0.0.1; 0 picks a free one ({@link DapServer#address()} tells which)
     * @param targetId a {@code TargetProvider} id on the class path: {@code jvm}, {@code micropython}, ...
     */
    public static DapServer start(int port, String targetId) throws IOException {
        DapServer server = DapServer.builder()
                .target(targetId)
                .listen("tcp://127.0.0.1:" + port)                 // needs dev.dapkit:transport-tcp
                .options(ServerOptions.defaults().withSecret(System.getenv("DAPKIT_SECRET")))
                .listener(new ServerListener() {
                    @Override
                    public void sessionStarted(DebugSession session) {
                        LOG.info("debugger connected: {}", session.description());
                    }
                })
                .build()
                .start();
        LOG.info("debug adapter listening on {}", server.address());
        return server;
    }
}
