package dev.dapkit.target.jvm.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.target.jvm.internal.eval.debuggee.EvalDebuggee;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A frame in an inner class's method sees its enclosing instance's fields and methods. */
class EvaluatorNestedScopeTest {

    private static DebuggeeVm debuggee;
    private static final Evaluator evaluator = new Evaluator();

    @BeforeAll
    static void launch() throws Exception {
        debuggee = DebuggeeVm.launchAndStop(EvalDebuggee.class, "stopInner");
    }

    @AfterAll
    static void close() {
        if (debuggee != null) {
            debuggee.close();
        }
    }

    private static String eval(String source) throws EvaluationException {
        EvaluationScope work = EvaluationScope.of(debuggee.thread(), 1, Duration.ofSeconds(20), true);
        return ValueFormatter.format(evaluator.evaluate(source, work));
    }

    @Test
    void innerFrameSeesItsOwnAndItsEnclosingMembers() throws EvaluationException {
        assertEquals("4", eval("local"));
        assertEquals("\"text\"", eval("text"));
        assertEquals("8", eval("helperField"));
        assertEquals("16", eval("helperTwice(helperField)"));
        assertEquals("42", eval("instanceField"), "a field of the enclosing instance");
        assertEquals("\"debuggee\"", eval("name"));
        assertEquals("84", eval("twice(instanceField)"), "a method of the enclosing instance");
        assertEquals("9", eval("square(3)"), "a static method of the enclosing class");
        assertEquals("7", eval("staticCounter"), "a static field of the enclosing class");
        assertEquals("11", eval("Inner.innerStatic"), "a sibling nested class by its simple name");
        assertTrue(eval("this").startsWith("EvalDebuggee$Helper (id="), eval("this"));
        assertEquals("the method nope() is undefined for the type dev.dapkit.target.jvm.internal.eval.debuggee.EvalDebuggee$Helper",
                assertThrows(EvaluationException.class, () -> eval("nope()")).getMessage());
    }
}
