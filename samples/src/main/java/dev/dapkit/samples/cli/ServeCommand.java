package dev.dapkit.samples.cli;

import dev.dapkit.model.transport.TransportNotFoundException;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.DebugSession;
import dev.dapkit.server.ServerListener;
import dev.dapkit.server.ServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dapkit serve}: a DAP server for a debug target, either listening at an address (it
 * prints the bound address and a VS Code {@code launch.json} snippet, then serves until Ctrl-C,
 * which closes every session with {@code terminated}) or, with {@code --stdio}, serving one
 * session on standard input and output and exiting when it ends. In that mode standard output
 * carries DAP only: the log and any stray print go to standard error.
 *
 * <p>Not thread-safe: picocli runs it once.
 */
@Command(name = "serve",
        description = {"Serve DAP for a debug target: at an address (editors connect to it), or on standard"
                + " input and output with --stdio (editors start it)."})
final class ServeCommand implements Callable<Integer> {

    static final String DEFAULT_LISTEN = "tcp://127.0.0.1:4711";

    @Option(names = "--target", paramLabel = "ID", defaultValue = "jvm",
            description = "the debug target, a TargetProvider id on the class path: jvm, fake, ... (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--listen", paramLabel = "ADDRESS", defaultValue = DEFAULT_LISTEN,
            description = "where to accept editors; port 0 picks a free one (default: ${DEFAULT-VALUE})")
    String listen;

    @Option(names = "--stdio",
            description = "serve one session over standard input and output, for editors that start the adapter")
    boolean stdio;

    @Option(names = "--secret", paramLabel = "SECRET", defaultValue = "${env:DAPKIT_SECRET}",
            description = "sessions must send this as \"secret\" in their launch or attach arguments"
                    + " (default: the DAPKIT_SECRET environment variable, else none)")
    String secret;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Set<String> known = KnownTargets.ids();
        if (!known.contains(target)) {
            throw new ParameterException(spec.commandLine(), "unknown target '" + target + "'; the targets on the"
                    + " class path are " + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        boolean stdioAddress = listen.strip().toLowerCase(java.util.Locale.ROOT).startsWith("stdio:");
        if (stdio && spec.commandLine().getParseResult().hasMatchedOption("--listen") && !stdioAddress) {
            throw new ParameterException(spec.commandLine(), "give --stdio or --listen " + listen + ", not both");
        }
        ServerOptions options = ServerOptions.defaults().withSecret(secret == null || secret.isEmpty() ? null : secret);
        return stdio || stdioAddress ? serveStdio(options) : serveAtAddress(options);
    }

    private int serveAtAddress(ServerOptions options) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DapServer server = start(DapServer.builder().target(target).listen(listen).options(options)
                .listener(new ServerListener() {
                    @Override
                    public void sessionStarted(DebugSession session) {
                        report(out, "debugger connected: " + session.description());
                    }

                    @Override
                    public void sessionEnded(DebugSession session, Throwable cause) {
                        report(out, "debugger disconnected: " + session.description()
                                + (cause == null ? "" : " (" + cause.getMessage() + ")"));
                    }
                }));
        URI address = server.address();
        out.println("dapkit serve: target '" + target + "' listening at " + address);
        if ("tcp".equals(address.getScheme())) {
            out.println();
            out.println(LaunchJsonSnippet.explanation(target));
            out.println(LaunchJsonSnippet.configuration(target, address, options.secret() != null));
            out.println();
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            report(out, "dapkit serve: shutting down");
            server.close();
            closed.countDown();
        }, "dapkit-shutdown"));
        closed.await();
        return 0;
    }

    private int serveStdio(ServerOptions options) throws InterruptedException {
        // DAP owns the stdout descriptor from now on; a stray System.out.println must not corrupt a frame
        System.setOut(System.err);
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        DapServer server = start(DapServer.builder().target(target).listen("stdio:").options(options)
                .listener(new ServerListener() {
                    @Override
                    public void sessionEnded(DebugSession session, Throwable cause) {
                        ended.complete(cause);
                    }
                }));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dapkit-shutdown"));
        try {
            // as long as the editor keeps the session: no timeout
            Throwable cause = ended.get();
            if (cause != null) {
                log.info("the stdio session ended: {}", cause.toString());
            }
        } catch (ExecutionException e) {
            log.warn("the stdio session failed", e.getCause());
        }
        server.close();
        return 0;
    }

    private DapServer start(DapServer.Builder builder) {
        try {
            return builder.build().start();
        } catch (TransportNotFoundException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--listen " + listen + ": " + e.getMessage(), e);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw new CommandFailure(message.contains(listen) ? message : "cannot listen at " + listen + ": " + message, e);
        }
    }

    private static void report(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
