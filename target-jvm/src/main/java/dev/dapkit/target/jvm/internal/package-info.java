/**
 * The JDI backend of the {@code jvm} target. Not exported.
 *
 * <p>How it fits together: {@link dev.dapkit.target.jvm.internal.JvmTarget} serves the SPI and
 * holds a {@link dev.dapkit.target.jvm.internal.JvmSession} per connected JVM (started by
 * {@code DebuggeeLauncher} or reached by {@code VmAttacher}). The session's
 * {@code JdiEventLoop} is the only consumer of the JVM's event queue: it turns each event set into
 * at most one stop, hands loaded classes to the breakpoint sets waiting for them
 * ({@code LineBreakpoints}, {@code FunctionBreakpointSet}, {@code EntryBreakpoint}), and reports
 * the JVM's end. {@code ExecutionControl} owns suspension: it counts the suspensions the target
 * made and undoes exactly those, keeps the step requests a breakpoint cut short (for
 * {@code resumeFilteredStop}), and marks the threads that run methods for the debugger, whose
 * events are never stops.
 *
 * <p>Values: {@code JvmFrame} names a frame by thread and depth (JDI frames go stale whenever the
 * thread runs, even for a {@code toString()}); {@code ValueView} turns a JDI value into a
 * {@code TargetVariable} whose children ({@code ValueChildren}) are read only when expanded;
 * {@code MethodInvoker} runs a method in the stopped thread alone, bounded by a timeout and by the
 * request's cancellation, keeping its result from garbage collection until the debuggee resumes.
 *
 * <p>Expressions: {@code ExpressionEvaluation} connects the expression evaluator (package
 * {@code eval}) to the target: it evaluates in a {@code JvmFrame} (hover without side effects),
 * shows results with {@code ValueView.variable}, and lets go of their objects when
 * {@code ExecutionControl} resumes the debuggee. Through it {@code JvmTarget} implements
 * {@code Evaluator} and {@code ExpressionSetter}, which also gives the engine breakpoint
 * conditions, hit conditions and logpoints.
 */
package dev.dapkit.target.jvm.internal;
