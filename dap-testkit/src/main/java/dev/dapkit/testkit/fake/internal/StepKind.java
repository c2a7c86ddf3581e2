package dev.dapkit.testkit.fake.internal;

/** The three ways to step. */
public enum StepKind {
    /** Into the call on the current line, or to the next line. */
    IN,
    /** To the next line of this frame (or of its caller, when this frame returns). */
    OVER,
    /** Until this frame returns, stopping in the caller on the line of the call. */
    OUT
}
