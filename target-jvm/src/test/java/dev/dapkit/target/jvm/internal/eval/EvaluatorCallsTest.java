package dev.dapkit.target.jvm.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Method calls, overloads, object creation and exceptions, in a real debuggee stopped in {@code run}. */
class EvaluatorCallsTest extends DebuggeeTestBase {

    private static final String PKG = "dev.dapkit.target.jvm.internal.eval.debuggee.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "over.m(1) ==> m(int)",
        "over.m(1L) ==> m(long)",
        "over.m(b) ==> m(int)",
        "over.m(c) ==> m(int)",
        "over.m(boxed) ==> m(Integer)",
        "over.m(boxedLong) ==> m(Object)",
        "over.m(str) ==> m(Object)",
        "over.m(1.5) ==> m(Object)",
        "over.m() ==> m(int...) 0",
        "over.m(1, 2, 3) ==> m(int...) 3",
        "over.m(ints) ==> m(int...) 3",
        "over.m(str, 1, 2) ==> m(String, Object...) 2",
        "over.m(\"a\", \"b\") ==> m(String, Object...) 1",
        "over.w(1) ==> w(long)",
        "over.w(1.5f) ==> w(double)",
        "over.box(5) ==> box(Object) Integer",
        "over.box('c') ==> box(Object) Character",
        "over.unbox(boxed) ==> unbox(int) 127",
        "over.unbox(boxedChar) ==> unbox(int) 113",
        "over.sameName(str) ==> String",
        "Overloads.join(\"-\", \"a\", \"b\") ==> a-b",
        "Overloads.join(\"-\") ==> ``",
        "String.format(\"%d-%s-%.1f\", i, str, d) ==> 5-text-0.1",
        "String.valueOf(i) ==> 5",
        "String.valueOf(c) ==> x",
        "str.toUpperCase() ==> TEXT",
        "str.substring(1, 3) ==> ex",
        "Inner.hello() ==> inner hello",
        "obj.toString() ==> (3, 4)",
        "asPoint.describe() ==> Point3",
        "str.getClass().getName() ==> java.lang.String",
        "color.name() ==> GREEN",
        "new StringBuilder(\"ab\").append(1).append('c').toString() ==> ab1c",
        "list.get(0) ==> x",
    })
    void overloadsAreChosenAsJavacWould(String source, String expected) throws EvaluationException {
        assertEquals("\"" + expected + "\"", eval(source));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "twice(i) ==> 10 ==> int",
        "this.twice(2) ==> 4 ==> int",
        "square(3) ==> 9 ==> int",
        "EvalDebuggee.square(4) ==> 16 ==> int",
        "Overloads.sum() ==> 0 ==> int",
        "Overloads.sum(1, 2, 3) ==> 6 ==> int",
        "Overloads.sum(ints) ==> 6 ==> int",
        "Math.max(i, 10) ==> 10 ==> int",
        "Math.max(1, 2.5) ==> 2.5 ==> double",
        "Math.max(l, i) ==> 1234567890123 ==> long",
        "Math.abs(-3) ==> 3 ==> int",
        "Integer.parseInt(\"42\") + 1 ==> 43 ==> int",
        "Integer.valueOf(5) ==> 5 ==> java.lang.Integer",
        "point.sum() ==> 7 ==> int",
        "asPoint.sum() ==> 6 ==> int",
        "point.distanceTo(new Point(0, 0)) ==> 5.0 ==> double",
        "point.distanceTo(point3) ==> 2.8284271247461903 ==> double",
        "str.length() ==> 4 ==> int",
        "str.charAt(1) ==> 'e' ==> char",
        "str.isEmpty() ? 0 : 1 ==> 1 ==> int",
        "str.equals(\"text\") ==> true ==> boolean",
        "objString.length() ==> 9 ==> int",
        "list.size() ==> 2 ==> int",
        "list.contains(\"y\") ==> true ==> boolean",
        "map.get(\"one\") + 1 ==> 2 ==> int",
        "map.containsKey(\"two\") ==> false ==> boolean",
        "ints.getClass() == int[].class ==> true ==> boolean",
        "new Point(1, 2).sum() ==> 3 ==> int",
        "new Point(1, 2).x ==> 1 ==> int",
        "new Point3(1, 2, 3).sum() ==> 6 ==> int",
        "new java.util.ArrayList<String>().size() ==> 0 ==> int",
        "new java.util.ArrayList<>(list).get(1) ==> \"y\" ==> java.lang.Object",
        "new int[3].length ==> 3 ==> int",
        "new int[]{1, 2, 3}[2] ==> 3 ==> int",
        "(new int[2][3])[1].length ==> 3 ==> int",
        "new int[][]{{1}, {2, 3}}[1][1] ==> 3 ==> int",
        "new String[]{\"a\", \"b\"}[1] ==> \"b\" ==> java.lang.String",
        "new Object[]{1, \"two\"}[0] ==> 1 ==> java.lang.Object",
        "new char[]{'a', 98}[1] ==> 'b' ==> char",
    })
    void callsAndCreation(String source, String value, String type) throws EvaluationException {
        assertValue(value, type, source);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "over.thrower() ==> java.lang.IllegalStateException: boom",
        "Integer.parseInt(\"x\") ==> java.lang.NumberFormatException: For input string: \"x\"",
        "list.get(5) ==> java.lang.IndexOutOfBoundsException: Index 5 out of bounds for length 2",
        "over.m(null) ==> the call m(null) is ambiguous for the type " + PKG + "Overloads; candidates: m(Integer), m(int...)",
        "over.amb(1, 2) ==> the call amb(int, int) is ambiguous for the type " + PKG + "Overloads; candidates: amb(Integer, Object), amb(Object, Integer)",
        "over.sameName(null) ==> the call sameName(null) is ambiguous for the type " + PKG + "Overloads; candidates: sameName(String), sameName(StringBuilder)",
        "over.nothing(1) ==> the method nothing() in the type " + PKG + "Overloads is not applicable for the arguments (int)",
        "over.w(str) ==> no method w in the type " + PKG + "Overloads is applicable for the arguments (String); candidates: w(long), w(double)",
        "over.nope() ==> the method nope() is undefined for the type " + PKG + "Overloads",
        "nope(1) ==> the method nope(int) is undefined for the type " + PKG + "EvalDebuggee",
        "i.foo() ==> cannot invoke foo() on the primitive type int",
        "Point.sum() ==> cannot make a static reference to the non-static method sum() from the type " + PKG + "Point",
        "new java.util.List() ==> cannot instantiate the type java.util.List",
        "new Point(\"x\") ==> no constructor Point in the type " + PKG + "Point is applicable for the arguments (String); candidates: Point(int, int), Point()",
        "new Point(1) ==> no constructor Point in the type " + PKG + "Point is applicable for the arguments (int); candidates: Point(int, int), Point()",
        "new Nope() ==> Nope cannot be resolved to a type",
        "new int[-1] ==> java.lang.NegativeArraySizeException: -1",
        "new int[]{\"a\"} ==> type mismatch: cannot convert from String to int for array element [0]",
        "new int[]{{1}} ==> an array initializer cannot be an element of int[]",
        "new com.example.Missing() ==> the type com.example.Missing is not loaded in the debuggee",
        "point.move(1) ==> the method move(int, int) in the type " + PKG + "Point is not applicable for the arguments (int)",
    })
    void callErrorsAreClear(String source, String message) {
        assertEquals(message, error(source));
    }

    @Test
    void voidCallsHaveNoValue() throws EvaluationException {
        EvaluationResult result = result("point.move(0, 0)");
        assertTrue(result.isVoid());
        assertEquals("", ValueFormatter.format(result));
        assertEquals("void", result.staticTypeName());
        assertEquals("the operator + is undefined for the type void", error("point.move(0, 0) + 1"));
    }

    @Test
    void breakpointConditionsMustBeBoolean() throws EvaluationException {
        assertTrue(evaluator.test(ParsedExpression.parse("i == 5"), scope()));
        assertFalse(evaluator.test(ParsedExpression.parse("i > 5 || str.isEmpty()"), scope()));
        assertTrue(evaluator.test(ParsedExpression.parse("boxedFlag"), scope()));
        EvaluationException e = org.junit.jupiter.api.Assertions.assertThrows(EvaluationException.class,
                () -> evaluator.test(ParsedExpression.parse("i"), scope()));
        assertEquals("type mismatch: a breakpoint condition must be a boolean, but is int", e.getMessage());
    }

    @Test
    void logpointTextIsStringConversion() throws EvaluationException {
        assertEquals("(3, 4)", evaluator.evaluateToString(ParsedExpression.parse("point"), scope()));
        assertEquals("0.1", evaluator.evaluateToString(ParsedExpression.parse("d"), scope()));
        assertEquals("null", evaluator.evaluateToString(ParsedExpression.parse("none"), scope()));
        assertEquals("x", evaluator.evaluateToString(ParsedExpression.parse("c"), scope()));
        assertEquals("[x, y]", evaluator.evaluateToString(ParsedExpression.parse("list"), scope()));
        assertEquals("127", evaluator.evaluateToString(ParsedExpression.parse("boxed"), scope()));
        assertEquals("", evaluator.evaluateToString(ParsedExpression.parse("point.move(0, 0)"), scope()));
    }

    @Test
    void logMessagesInterpolateExpressions() throws EvaluationException {
        LogMessageTemplate template = LogMessageTemplate.parse("i={i}, p={point}, s={new String[]{\"}\"}[0]}, {} {nope}");
        assertEquals(4, template.expressions().size());
        assertEquals("i=5, p=(3, 4), s=}, {} <error: nope cannot be resolved to a variable>",
                template.render(evaluator, scope()));
        assertEquals("plain", LogMessageTemplate.parse("plain").render(evaluator, scope()));
        assertEquals("the log message has an unclosed '{' at column 3",
                org.junit.jupiter.api.Assertions.assertThrows(EvaluationException.class,
                        () -> LogMessageTemplate.parse("a {i")).getMessage());
        assertEquals("in the log message expression {i +} (column 4 of the message): unexpected end of expression at column 4",
                org.junit.jupiter.api.Assertions.assertThrows(EvaluationException.class,
                        () -> LogMessageTemplate.parse("a {i +}")).getMessage());
    }

    @Test
    void hoverReadsButRunsNoCode() throws EvaluationException {
        assertEquals("6", ValueFormatter.format(evaluator.evaluate("i + 1", hoverScope())));
        assertEquals("\"text5\"", ValueFormatter.format(evaluator.evaluate("str + i", hoverScope())));
        assertEquals("128", ValueFormatter.format(evaluator.evaluate("boxed + 1", hoverScope())));
        assertEquals("3", ValueFormatter.format(evaluator.evaluate("point.x", hoverScope())));
        assertEquals("hover does not run code; use the debug console to call sum()", error("point.sum()", hoverScope()));
        assertEquals("hover does not run code; use the debug console to assign variables", error("mutable = 2", hoverScope()));
        assertEquals("hover does not run code; use the debug console to change variables with ++", error("mutable++", hoverScope()));
        assertEquals("hover does not run code; use the debug console to call new Point()", error("new Point()", hoverScope()));
        assertEquals("hover does not run code; use the debug console to create arrays", error("new int[1]", hoverScope()));
        assertEquals("hover does not run code; use the debug console to convert a " + PKG
                + "Point to a string (that calls its toString())", error("\"\" + point", hoverScope()));
        assertEquals("1", eval("mutable"), "the refused assignment changed nothing");
    }

    @Test
    void staticFrameCallsOnlyStaticMethods() throws EvaluationException {
        assertEquals("4", ValueFormatter.format(evaluator.evaluate("square(2)", staticScope())));
        assertEquals("cannot make a static reference to the non-static method twice(int) from the type "
                + PKG + "EvalDebuggee", error("twice(2)", staticScope()));
    }

    @Test
    void resultsStayPinnedUntilReleased() throws EvaluationException {
        EvaluationResult created = result("new Point(5, 6)");
        com.sun.jdi.ObjectReference object = (com.sun.jdi.ObjectReference) created.value();
        eval("System.gc()");
        assertFalse(object.isCollected(), "a returned result must survive a collection");
        assertEquals("11", eval("new Point(5, 6).sum()"));
        evaluator.releaseResults();
        eval("System.gc()");
        assertTrue(object.isCollected(), "a released result is collectable again");
    }
}
