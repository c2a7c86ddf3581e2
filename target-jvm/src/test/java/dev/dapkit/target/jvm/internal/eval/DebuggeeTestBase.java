package dev.dapkit.target.jvm.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dapkit.target.jvm.internal.eval.debuggee.EvalDebuggee;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real debuggee JVM per test class, stopped in {@code EvalDebuggee.stop()}: frame 1 is
 * the instance method {@code run} with its locals, frame 2 the static {@code main}.
 */
abstract class DebuggeeTestBase {

    static final int RUN_FRAME = 1;
    static final int MAIN_FRAME = 2;

    static DebuggeeVm debuggee;
    static Evaluator evaluator;

    @BeforeAll
    static void launchDebuggee() throws Exception {
        debuggee = DebuggeeVm.launchAndStop(EvalDebuggee.class, "stop");
        evaluator = new Evaluator();
    }

    @AfterAll
    static void closeDebuggee() {
        if (debuggee != null) {
            evaluator.releaseResults();
            debuggee.close();
        }
    }

    static EvaluationScope scope() {
        return EvaluationScope.of(debuggee.thread(), RUN_FRAME, Duration.ofSeconds(20), true);
    }

    static EvaluationScope hoverScope() {
        return EvaluationScope.of(debuggee.thread(), RUN_FRAME, Duration.ofSeconds(20), false);
    }

    static EvaluationScope staticScope() {
        return EvaluationScope.of(debuggee.thread(), MAIN_FRAME, Duration.ofSeconds(20), true);
    }

    static EvaluationResult result(String source) throws EvaluationException {
        return evaluator.evaluate(source, scope());
    }

    /** The displayed value of {@code source} evaluated in {@code run}. */
    static String eval(String source) throws EvaluationException {
        return ValueFormatter.format(result(source));
    }

    /** Asserts both the displayed value and the static type. */
    static void assertValue(String expected, String type, String source) throws EvaluationException {
        EvaluationResult result = result(source);
        assertEquals(expected, ValueFormatter.format(result), source);
        assertEquals(type, result.staticTypeName(), "static type of " + source);
    }

    static String error(String source) {
        return error(source, scope());
    }

    static String error(String source, EvaluationScope scope) {
        return assertThrows(EvaluationException.class, () -> evaluator.evaluate(source, scope),
                () -> source + " should fail").getMessage();
    }
}
