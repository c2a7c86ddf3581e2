package dev.dapkit.bench.jvm;

/**
 * One debugger under test, driving one {@link DebuggeeProgram}: the hand-written JDI loop or dapkit
 * over TCP. The benchmark calls the phases in order (start, steps and refreshes, array pages, deep
 * stops, the hot loop) and times the calls it names; each call returns only when its work is done
 * (a step when the stop is known, a request when its answer arrived). The {@code int} results are
 * counts the benchmark checks, so that both sides provably did the same work.
 *
 * <p>Not thread-safe: one benchmark thread.
 */
interface BenchDebugger extends AutoCloseable {

    /** Launches the debuggee with a breakpoint on {@code bench:step} and waits for the stop there. */
    void start() throws Exception;

    /** One step over, from the request to the stop (timed). */
    void stepOver() throws Exception;

    /** What an IDE asks after a stop: the threads, 20 frames, the top frame's locals; returns how many locals (timed). */
    int refresh() throws Exception;

    /** Finds the {@code data} array of the top frame (untimed). */
    void openArray() throws Exception;

    /** Elements {@code start} to {@code start + 999} of {@code data}; returns how many (timed). */
    int arrayPage(int start) throws Exception;

    /** Moves the breakpoint to {@code bench:deep} and runs to it (untimed). */
    void goDeep() throws Exception;

    /** Runs to the next stop at {@code bench:deep} (untimed). */
    void nextDeepStop() throws Exception;

    /** The 1000 frames of the stack at {@code bench:deep}; returns how many (timed). */
    int stack1000() throws Exception;

    /** Replaces the breakpoints by a never-true conditional one on {@code bench:hot} and one on {@code bench:hotEnd}. */
    void goHot() throws Exception;

    /** Runs one hot loop to {@code bench:hotEnd}; returns the breakpoint hits its condition was tested on, when known, else -1 (timed). */
    long runHotLoop() throws Exception;

    /** Ends the debuggee. */
    @Override
    void close() throws Exception;
}
