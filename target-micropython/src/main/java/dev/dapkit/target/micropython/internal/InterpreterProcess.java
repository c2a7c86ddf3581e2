package dev.dapkit.target.micropython.internal;

import dev.dapkit.server.spi.TargetEvents;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.target.micropython.MicroPythonLaunchConfiguration;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A launched interpreter running a program under the agent, which dials back to the host. Its
 * stdout and stderr become {@code output} events (categories {@code stdout}, {@code stderr}), in
 * whole lines where it can (see {@link LineBufferedOutput}), each pumped by a daemon thread; {@link #exited()} completes with the exit code once the process has
 * ended and all its output was sent, so {@code exited} never overtakes the last output.
 *
 * <p>Thread-safe.
 */
final class InterpreterProcess {

    private static final Logger LOG = LoggerFactory.getLogger(InterpreterProcess.class);
    private static final String MICROPYTHON_DEFAULT_PATH = ".frozen:~/.micropython/lib:/usr/lib/micropython";
    private static final int TRANSCRIPT_LIMIT = 4096;

    private final Process process;
    private final CountDownLatch drained = new CountDownLatch(2);
    private final StringBuilder transcript = new StringBuilder();
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final ScheduledExecutorService lingering;

    private InterpreterProcess(Process process) {
        this.process = process;
        this.lingering = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dapkit-micropython-output-" + process.pid());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the interpreter: {@code python -m dapkit_agent --connect 127.0.0.1:PORT --wait program
     * args...}, with the agent's folder first on {@code MICROPYPATH} and {@code PYTHONPATH}. The
     * program waits for the host's {@code go}.
     */
    static InterpreterProcess start(MicroPythonLaunchConfiguration config, Path agentFolder, int port,
            TargetEvents events) throws TargetException {
        List<String> command = new ArrayList<>();
        command.add(config.python());
        command.addAll(List.of("-m", "dapkit_agent", "--connect", "127.0.0.1:" + port, "--wait"));
        command.add(config.program());
        command.addAll(config.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        if (config.cwd() != null) {
            builder.directory(new File(config.cwd()));
        }
        Map<String, String> env = builder.environment();
        config.env().forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        String micropyPath = env.getOrDefault("MICROPYPATH", MICROPYTHON_DEFAULT_PATH);
        env.put("MICROPYPATH", agentFolder + File.pathSeparator + micropyPath);
        String pythonPath = env.get("PYTHONPATH");
        env.put("PYTHONPATH", agentFolder + (pythonPath == null || pythonPath.isEmpty() ? "" : File.pathSeparator + pythonPath));
        env.put("PYTHONUNBUFFERED", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw MicroPythonErrors.cannotLaunch("cannot start " + config.python() + " (set \"python\" in the launch"
                    + " arguments or DAPKIT_MICROPYTHON, or run scripts/build-micropython.sh): " + e.getMessage());
        }
        LOG.debug("started {} as pid {}", command, process.pid());
        InterpreterProcess started = new InterpreterProcess(process);
        started.pump(process.getInputStream(), OutputEventArgumentsCategory.STDOUT, events);
        started.pump(process.getErrorStream(), OutputEventArgumentsCategory.STDERR, events);
        process.onExit().thenRun(started::awaitOutputThenExit);
        return started;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code once the process ended and its output was sent. */
    CompletableFuture<Integer> exited() {
        return exited;
    }

    /** Ends the process (and, if it does not go, kills it). */
    void destroy() {
        process.destroy();
        process.onExit().orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> {
            process.destroyForcibly();
            return process;
        });
    }

    /** The first output of the process, to explain one that died before its agent dialed back. */
    synchronized String transcript() {
        return transcript.toString().strip();
    }

    private void awaitOutputThenExit() {
        try {
            if (!drained.await(2, TimeUnit.SECONDS)) {
                LOG.debug("the output of pid {} did not end within 2 s of its exit", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lingering.shutdown();
        exited.complete(process.exitValue());
    }

    private void pump(InputStream stream, String category, TargetEvents events) {
        Thread thread = new Thread(() -> {
            char[] buffer = new char[8192];
            LineBufferedOutput lines = new LineBufferedOutput(text -> {
                OutputEventArguments output = new OutputEventArguments();
                output.setCategory(category);
                output.setOutput(text);
                events.output(output);
            }, lingering);
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    String text = new String(buffer, 0, n);
                    keep(text);
                    lines.append(text);
                }
            } catch (IOException e) {
                LOG.debug("the interpreter's {} ended: {}", category, e.toString());
            } finally {
                lines.flush();
                drained.countDown();
            }
        }, "dapkit-micropython-" + category + "-" + process.pid());
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void keep(String text) {
        if (transcript.length() < TRANSCRIPT_LIMIT) {
            transcript.append(text, 0, Math.min(text.length(), TRANSCRIPT_LIMIT - transcript.length()));
        }
    }
}
