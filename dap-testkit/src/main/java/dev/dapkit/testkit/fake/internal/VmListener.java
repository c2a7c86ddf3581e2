package dev.dapkit.testkit.fake.internal;

/**
 * What a debugger attached to a {@link Vm} hears. Called on debuggee threads (and on the caller of
 * {@link Vm#terminate()} or {@link Vm#detach()}), one call at a time; {@code stopped} is called
 * while the VM's lock is held, so that no resume can overtake it. Implementations must not block
 * and must not call back into the VM.
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
