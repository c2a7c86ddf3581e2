package dev.dapkit.target.jvm.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.ClassType;
import com.sun.jdi.ThreadReference;
import dev.dapkit.target.jvm.internal.eval.debuggee.EvalDebuggee;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Assignments, increments and invocation timeouts, in a real debuggee stopped in {@code run}. */
class EvaluatorSideEffectsTest extends DebuggeeTestBase {

    private static final String PKG = "dev.dapkit.target.jvm.internal.eval.debuggee.";

    private static void assertSteps(String... sourceThenValue) throws EvaluationException {
        for (int k = 0; k < sourceThenValue.length; k += 2) {
            assertEquals(sourceThenValue[k + 1], eval(sourceThenValue[k]), sourceThenValue[k]);
        }
    }

    @Test
    void localsAreAssignedWithConversions() throws EvaluationException {
        assertSteps(
                "mutable = 10", "10",
                "mutable", "10",
                "mutable += 5", "15",
                "mutable++", "15",
                "mutable", "16",
                "++mutable", "17",
                "mutable--", "17",
                "--mutable", "15",
                "mutable *= 2", "30",
                "mutable <<= 1", "60",
                "mutable /= 7", "8",
                "mutable %= 5", "3",
                "mutable = 'a'", "97",
                "mutable -= 'a' - 1", "1",
                "mutable += 2.7", "3",
                "mutable = mutable = 4", "4",
                "mutable + (mutable = 1)", "5",
                "mutable", "1");
        assertEquals("type mismatch: cannot convert from long to int for the local variable mutable", error("mutable = 1L"));
        assertEquals("type mismatch: cannot convert from String to int for the local variable mutable", error("mutable = \"1\""));
        assertEquals("1", eval("mutable"), "a refused assignment changes nothing");
    }

    @Test
    void narrowTypesAndWideTypes() throws EvaluationException {
        assertSteps(
                "mutableByte = 5", "5",
                "mutableByte += 300", "49",
                "mutableByte++", "49",
                "mutableByte", "50",
                "mutableByte = 127", "127",
                "++mutableByte", "-128",
                "mutableLong = mutable = 3", "3",
                "mutableLong *= 1000000000000L", "3000000000000",
                "mutableLong = 'z'", "122");
        assertEquals("type mismatch: cannot convert from int to byte for the local variable mutableByte", error("mutableByte = 300"));
        assertEquals("int", result("mutableByte + 1").staticTypeName());
        assertEquals("byte", result("mutableByte += 1").staticTypeName());
    }

    @Test
    void boxedAndStringVariables() throws EvaluationException {
        assertSteps(
                "mutableBoxed = 5", "5",
                "mutableBoxed++", "5",
                "mutableBoxed", "6",
                "mutableBoxed += 10", "16",
                "mutableBoxed = null", "null",
                "mutableBoxed = Integer.valueOf(3)", "3",
                "mutableText = \"a\"", "\"a\"",
                "mutableText += 1", "\"a1\"",
                "mutableText += point", "\"a1(3, 4)\"",
                "mutableText += null", "\"a1(3, 4)null\"",
                "mutableText = null", "null");
        assertEquals("java.lang.Integer", result("mutableBoxed = 7").staticTypeName());
        assertEquals("java.lang.NullPointerException: cannot unbox a null Integer", error("(mutableBoxed = null) + 1"));
        assertEquals("type mismatch: cannot convert from long to Integer for the local variable mutableBoxed",
                error("mutableBoxed = 1L"));
        assertEquals("type mismatch: cannot convert from " + PKG + "Point to String for the local variable mutableText",
                error("mutableText = point"));
    }

    @Test
    void fieldsAndArrayElements() throws EvaluationException {
        assertSteps(
                "mutableArray[0] = 9", "9",
                "mutableArray[0] += 1", "10",
                "mutableArray[1]++", "0",
                "mutableArray[1]", "1",
                "mutable = 0", "0",
                "mutableArray[mutable++] = 7", "7",
                "mutable", "1",
                "mutableArray[0]", "7",
                "mutablePoint.x = 7", "7",
                "mutablePoint.x++", "7",
                "mutablePoint.sum()", "8",
                "staticCounter = 8", "8",
                "EvalDebuggee.staticCounter++", "8",
                "staticCounter = 7", "7",
                "this.instanceField = 43", "43",
                "instanceField -= 1", "42");
        assertEquals("the final field length of an array cannot be assigned", error("mutableArray.length = 3"));
        assertEquals("the final field " + PKG + "EvalDebuggee.GREETING cannot be assigned", error("GREETING = \"x\""));
        assertEquals("the final field " + PKG + "EvalDebuggee.secret cannot be assigned", error("secret++"));
        assertEquals("java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2",
                error("mutableArray[2] = 1"));
        assertEquals("hello", debuggee.classType(EvalDebuggee.class.getName())
                .getValue(debuggee.classType(EvalDebuggee.class.getName()).fieldByName("GREETING")).toString().replace("\"", ""));
    }

    @Test
    void setExpressionAssignsTheTarget() throws EvaluationException {
        EvaluationResult set = evaluator.evaluate(ParsedExpression.assignment("mutable", "40 + 2"), scope());
        assertEquals("42", ValueFormatter.format(set));
        assertEquals("42", eval("mutable"));
        EvaluationException notVariable = org.junit.jupiter.api.Assertions.assertThrows(EvaluationException.class,
                () -> ParsedExpression.assignment("mutable + 1", "2"));
        assertEquals("cannot assign to mutable + 1: it is not a variable, field or array element", notVariable.getMessage());
        assertEquals("Math is a type, not a value",
                org.junit.jupiter.api.Assertions.assertThrows(EvaluationException.class, () -> evaluator.evaluate(
                        ParsedExpression.assignment("Math", "2"), scope())).getMessage());
        assertEquals("7", ValueFormatter.format(evaluator.evaluate(ParsedExpression.assignment("new Point().x", "7"), scope())));
    }

    @Test
    void aSlowCallTimesOutAndKeepsTheThreadBusyUntilItReturns() throws Exception {
        ThreadReference thread = debuggee.thread();
        EvaluationScope impatient = EvaluationScope.of(thread, RUN_FRAME, Duration.ofMillis(300), true);
        String timeout = error("EvalDebuggee.slow()", impatient);
        assertEquals("slow() took longer than 300 ms; it keeps running in the debuggee (JDI cannot abort it) and thread 'main'"
                + " stays busy until it returns", timeout);
        assertEquals("cannot evaluate: slow() is still running on thread 'main' after an earlier evaluation timed out",
                error("point.sum()"));
        ClassType main = debuggee.classType(EvalDebuggee.class.getName());
        main.setValue(main.fieldByName("releaseSlow"), debuggee.vm().mirrorOf(true));
        evaluator.whenIdle(thread).get(20, TimeUnit.SECONDS);
        assertTrue(thread.isSuspended(), "the thread is suspended again when the call returns");
        assertEquals("7", eval("point.sum()"));
        assertEquals("5", eval("i"), "frames are fetched again after the call");
        main.setValue(main.fieldByName("releaseSlow"), debuggee.vm().mirrorOf(false));
    }
}
