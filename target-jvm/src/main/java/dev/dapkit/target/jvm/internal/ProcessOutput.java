package dev.dapkit.target.jvm.internal;

import dev.dapkit.server.spi.TargetEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pumps a launched debuggee's stdout and stderr into {@code output} events (categories
 * {@code stdout} and {@code stderr}), each on its own daemon thread. Text is sent in whole lines
 * where it can be (a line is never split between two events unless it is longer than the read
 * buffer); a partial line is sent when the program writes nothing more for now, so prompts show.
 * The first few KiB are also kept, to explain a JVM that dies before the debugger connects.
 *
 * <p>Thread-safe.
 */
final class ProcessOutput {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessOutput.class);
    private static final int BUFFER = 8192;
    private static final int TRANSCRIPT_LIMIT = 4096;

    private final TargetEvents events;
    private final CountDownLatch drained = new CountDownLatch(2);
    private final StringBuilder transcript = new StringBuilder();

    private ProcessOutput(TargetEvents events) {
        this.events = events;
    }

    /** Starts pumping the process's streams, decoded with the debuggee's charset. */
    static ProcessOutput start(Process process, TargetEvents events, Charset charset, String name) {
        ProcessOutput output = new ProcessOutput(events);
        output.pump(process.getInputStream(), OutputEventArgumentsCategory.STDOUT, charset, name + "-stdout");
        output.pump(process.getErrorStream(), OutputEventArgumentsCategory.STDERR, charset, name + "-stderr");
        return output;
    }

    /** Waits until both streams ended (the process exited and its output was sent), or the timeout passed. */
    boolean awaitDrained(long timeoutMillis) throws InterruptedException {
        return drained.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The first output of the process, for an error message. */
    synchronized String transcript() {
        return transcript.toString().strip();
    }

    private void pump(InputStream stream, String category, Charset charset, String threadName) {
        Thread thread = new Thread(() -> {
            try (Reader reader = new InputStreamReader(stream, charset)) {
                copy(reader, category);
            } catch (IOException e) {
                LOG.debug("the debuggee's {} ended: {}", category, e.toString());
            } finally {
                drained.countDown();
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(Reader reader, String category) throws IOException {
        char[] buffer = new char[BUFFER];
        StringBuilder pending = new StringBuilder();
        int n;
        while ((n = reader.read(buffer)) >= 0) {
            pending.append(buffer, 0, n);
            keep(buffer, n);
            int lastNewline = pending.lastIndexOf("\n");
            if (lastNewline >= 0) {
                send(pending.substring(0, lastNewline + 1), category);
                pending.delete(0, lastNewline + 1);
            }
            if (pending.length() >= BUFFER || pending.length() > 0 && !reader.ready()) {
                send(pending.toString(), category);
                pending.setLength(0);
            }
        }
        if (pending.length() > 0) {
            send(pending.toString(), category);
        }
    }

    private synchronized void keep(char[] buffer, int n) {
        int room = TRANSCRIPT_LIMIT - transcript.length();
        if (room > 0) {
            transcript.append(buffer, 0, Math.min(room, n));
        }
    }

    private void send(String text, String category) {
        OutputEventArguments output = new OutputEventArguments();
        output.setCategory(category);
        output.setOutput(text);
        events.output(output);
    }
}
