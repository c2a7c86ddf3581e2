package dev.dapkit.testkit.target;

import org.junit.jupiter.api.Nested;

/**
 * What every debug target must do behind dapkit's server, written once and run by every target
 * (the fake now, the JVM and MicroPython targets later) over every way of reaching its server, as
 * grpc's {@code AbstractTransportTest} is run by every transport. A target's test extends this
 * class and says how to make a {@link ConformanceTarget}: its canonical program (see
 * {@link ConformanceProgram}) and a way to open sessions.
 *
 * <pre>{@code
 * class JvmTargetTcpConformanceTest extends TargetConformanceSuite {
 *     protected ConformanceTarget newTarget() throws Exception { ... }
 * }
 * }</pre>
 *
 * <p>The scenarios are grouped by area in nested classes: {@link Session} (initialize, start-up
 * order, disconnect, attach and re-attach), {@link Execution} (run, breakpoints stop, step, pause,
 * errors, terminate), {@link Breakpoints} (conditions, hit conditions, logpoints, missing files)
 * and {@link Inspection} (threads, stack paging, variables, evaluate, stale handles). Each scenario
 * drives a {@link dev.dapkit.testkit.client.ScriptedClient}, so every message is checked against
 * the DAP schema, and after each scenario the suite asserts there was no violation. What a target
 * declares it cannot do (in its capabilities, or by leaving an optional program out of its
 * {@link ConformanceProgram}) is skipped with a message, never passed silently.
 *
 * <p>Every wait is bounded (30 s a step); nothing sleeps.
 */
public abstract class TargetConformanceSuite {

    /** A new target for one test; the suite closes it after the test. */
    protected abstract ConformanceTarget newTarget() throws Exception;

    /** Initialize, the start-up order, disconnect, attach and re-attach. */
    @Nested
    public class Session extends SessionConformance {
        @Override
        protected ConformanceTarget newTarget() throws Exception {
            return TargetConformanceSuite.this.newTarget();
        }
    }

    /** Running, stopping at a breakpoint, stepping, pausing, uncaught errors, terminating. */
    @Nested
    public class Execution extends ExecutionConformance {
        @Override
        protected ConformanceTarget newTarget() throws Exception {
            return TargetConformanceSuite.this.newTarget();
        }
    }

    /** Breakpoints set early, conditions, hit conditions, logpoints, files the program lacks. */
    @Nested
    public class Breakpoints extends BreakpointConformance {
        @Override
        protected ConformanceTarget newTarget() throws Exception {
            return TargetConformanceSuite.this.newTarget();
        }
    }

    /** Threads, stack paging, scopes and variables, evaluate, stale handles. */
    @Nested
    public class Inspection extends InspectionConformance {
        @Override
        protected ConformanceTarget newTarget() throws Exception {
            return TargetConformanceSuite.this.newTarget();
        }
    }
}
