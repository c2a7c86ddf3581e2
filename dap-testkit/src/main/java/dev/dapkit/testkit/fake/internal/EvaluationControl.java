package dev.dapkit.testkit.fake.internal;

/** What a debugger's evaluation reports to and asks of its caller; called on the evaluating thread. */
public interface EvaluationControl {

    /** Whether the caller wants the evaluation stopped. */
    boolean cancelled();

    /** A long builtin has done {@code done} of {@code total} steps. */
    void progress(long done, long total);
}
