package dev.dapkit.samples.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@code dapkit} command line in a child JVM on the test class path, as {@code ./dapkit} runs
 * it: its standard output kept line by line (waited on with a timeout), its standard error kept
 * for failure messages. {@link #close()} kills it if it still runs.
 *
 * <p>Thread-safe: reader threads append, the test thread waits.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private boolean stdoutEnded;

    private CliProcess(Process process) {
        this.process = process;
        reader(process.getInputStream(), "stdout", line -> {
            synchronized (this) {
                stdout.add(line);
                notifyAll();
            }
        }, () -> {
            synchronized (this) {
                stdoutEnded = true;
                notifyAll();
            }
        });
        reader(process.getErrorStream(), "stderr", line -> {
            synchronized (this) {
                stderr.append(line).append('\n');
            }
        }, () -> { });
    }

    static CliProcess start(String... args) throws IOException {
        return new CliProcess(new ProcessBuilder(command(args)).start());
    }

    /** {@code java -cp <test class path> dev.dapkit.samples.cli.DapkitCommand args...}. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DapkitCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** The first line of standard output that passes {@code test}, waiting at most {@code timeout}. */
    synchronized String awaitLine(Predicate<String> test, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : stdout) {
                if (test.test(line)) {
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || stdoutEnded) {
                return fail("dapkit printed no " + what + " within " + timeout.toSeconds() + " s; " + describe());
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    /** Waits for the process to end; fails the test after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("dapkit did not exit within " + timeout.toSeconds() + " s; " + describe());
        }
        return process.exitValue();
    }

    /** Asks the process to stop as Ctrl-C or a service manager does (SIGTERM: the shutdown hooks run). */
    void terminate() {
        // through the handle: Process.destroy() would also close our ends of its pipes, losing what it prints last
        process.toHandle().destroy();
    }

    synchronized String stdout() {
        return String.join("\n", stdout);
    }

    synchronized String stderr() {
        return stderr.toString();
    }

    synchronized String describe() {
        return "stdout:\n" + stdout() + "\nstderr:\n" + stderr;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static void reader(InputStream stream, String name, Consumer<String> lines, Runnable ended) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process ended; what was read is kept
            } finally {
                ended.run();
            }
        }, "dapkit-cli-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
