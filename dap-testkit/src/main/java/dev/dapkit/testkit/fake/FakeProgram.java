package dev.dapkit.testkit.fake;

import dev.dapkit.testkit.fake.internal.LoadException;
import dev.dapkit.testkit.fake.internal.Vm;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A program of the toy language (see the {@linkplain dev.dapkit.testkit.fake package documentation})
 * that runs in this JVM as a debuggee would on a device: on its own threads, one statement at a
 * time, deterministically. A {@link FakeTarget} launches one, or attaches to one started here with
 * {@link #start}; a program outlives the targets that debug it, so a test can detach and attach
 * again.
 *
 * <p>Thread-safe.
 */
public final class FakeProgram {

    /** The exit code of a program that was terminated, as of a process ended by SIGTERM. */
    public static final int TERMINATED_EXIT_CODE = Vm.TERMINATED_EXIT_CODE;

    private final Vm vm;

    private FakeProgram(Vm vm) {
        this.vm = vm;
    }

    /**
     * Reads and parses a program: its main file and every file it imports.
     *
     * @param mainPath the target path of the main file, e.g. {@code /remote/app/main.fake}
     * @throws FakeProgramException naming the missing file or the place of a syntax error
     */
    public static FakeProgram load(FakeSources sources, String mainPath) throws FakeProgramException {
        try {
            return new FakeProgram(Vm.load(sources::read, mainPath));
        } catch (LoadException e) {
            throw new FakeProgramException(e.getMessage() + " (sources: " + sources + ")", e);
        }
    }

    /**
     * Starts the program with no debugger, as a process started by hand; a debugger may attach later.
     *
     * @param args the value of the program's global {@code argv}
     * @return this program
     * @throws IllegalStateException when it was started before
     */
    public FakeProgram start(String... args) {
        vm.start(List.of(args), false);
        return this;
    }

    /** The target path of the main file. */
    public String mainPath() {
        return vm.mainPath();
    }

    /** Completes with the exit code once every thread of the program has ended. */
    public CompletableFuture<Integer> exitCode() {
        return vm.exitFuture();
    }

    /** Everything the program has printed so far, stdout and stderr, in order. */
    public String output() {
        return vm.transcript();
    }

    /** Ends the program; it exits with {@link #TERMINATED_EXIT_CODE} unless it was exiting already. */
    public void terminate() {
        vm.terminate();
    }

    Vm vm() {
        return vm;
    }

    @Override
    public String toString() {
        return "fake program " + vm.mainPath();
    }
}
