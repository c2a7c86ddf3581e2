package dev.dapkit.testkit.fake.internal;

/**
 * What a debugger attached to a {@link Vm} hears, in the order it happens. Called on the debuggee
 * thread that holds the turn (output of an evaluation: on the evaluating thread); {@code stopped},
 * {@code threadStarted} and {@code threadExited} are called with the VM's lock held, so that no
 * resume can overtake a stop. Implementations must not block and must not call back into the VM.
 */
public interface VmListener {

    void stopped(Stop stop);

    /** Program output; {@code error} for what goes to stderr (an uncaught error's traceback). */
    void output(String text, boolean error);

    void threadStarted(VmThread thread);

    void threadExited(VmThread thread);

    /** A file started running for the first time. */
    void loaded(SourceFile file);

    /** The program ended; the last call. */
    void exited(int exitCode);
}
