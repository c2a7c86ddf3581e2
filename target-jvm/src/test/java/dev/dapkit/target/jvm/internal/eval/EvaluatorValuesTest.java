package dev.dapkit.target.jvm.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names, operators, casts and display, evaluated in a real debuggee stopped in {@code run}. */
class EvaluatorValuesTest extends DebuggeeTestBase {

    private static final String PKG = "dev.dapkit.target.jvm.internal.eval.debuggee.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "flag ==> true ==> boolean",
        "b ==> 10 ==> byte",
        "s ==> 300 ==> short",
        "c ==> 'x' ==> char",
        "i ==> 5 ==> int",
        "l ==> 1234567890123 ==> long",
        "f ==> 2.5 ==> float",
        "d ==> 0.1 ==> double",
        "str ==> \"text\" ==> java.lang.String",
        "empty ==> \"\" ==> java.lang.String",
        "none ==> null ==> java.lang.String",
        "argCount ==> 0 ==> int",
        "boxed ==> 127 ==> java.lang.Integer",
        "obj.hashCode() == point.hashCode() ==> true ==> boolean",
        "instanceField ==> 42 ==> int",
        "this.instanceField ==> 42 ==> int",
        "secret ==> 99 ==> int",
        "name ==> \"debuggee\" ==> java.lang.String",
        "staticCounter ==> 7 ==> int",
        "EvalDebuggee.staticCounter ==> 7 ==> int",
        "dev.dapkit.target.jvm.internal.eval.debuggee.EvalDebuggee.staticCounter ==> 7 ==> int",
        "GREETING ==> \"hello\" ==> java.lang.String",
        "nullString ==> null ==> java.lang.String",
        "Inner.innerStatic ==> 11 ==> int",
        "EvalDebuggee.Inner.innerStatic ==> 11 ==> int",
        "Math.PI ==> 3.141592653589793 ==> double",
        "java.lang.Math.PI ==> 3.141592653589793 ==> double",
        "Integer.MAX_VALUE ==> 2147483647 ==> int",
        "Point.created >= 2 ==> true ==> boolean",
        "point.x ==> 3 ==> int",
        "point3.z ==> 3 ==> int",
        "point3.x ==> 1 ==> int",
        "point3.label ==> \"p3\" ==> java.lang.String",
        "asPoint.label ==> \"p\" ==> java.lang.String",
        "((Point) point3).label ==> \"p\" ==> java.lang.String",
        "ints.length ==> 3 ==> int",
        "ints[1] ==> 2 ==> int",
        "ints[b - 9] ==> 2 ==> int",
        "grid[1][0] ==> 3 ==> int",
        "strings[1] ==> null ==> java.lang.String",
        "strings[2] ==> \"c\" ==> java.lang.String",
        "color == Color.GREEN ==> true ==> boolean",
        "longs[1] ==> 2 ==> long",
    })
    void namesResolveToLocalsFieldsAndTypes(String source, String value, String type) throws EvaluationException {
        assertValue(value, type, source);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "1 + 2 ==> 3 ==> int",
        "7 / 2 ==> 3 ==> int",
        "-7 / 2 ==> -3 ==> int",
        "-7 % 3 ==> -1 ==> int",
        "7 / 2.0 ==> 3.5 ==> double",
        "1L << 40 ==> 1099511627776 ==> long",
        "1 << 33 ==> 2 ==> int",
        "-8 >> 1 ==> -4 ==> int",
        "-8 >>> 28 ==> 15 ==> int",
        "-8L >>> 60 ==> 15 ==> long",
        "b + s ==> 310 ==> int",
        "b * b ==> 100 ==> int",
        "c + 1 ==> 121 ==> int",
        "'a' + 'b' ==> 195 ==> int",
        "f * 2 ==> 5.0 ==> float",
        "1.0f / 3 ==> 0.33333334 ==> float",
        "d + 0.2 ==> 0.30000000000000004 ==> double",
        "l * 2 ==> 2469135780246 ==> long",
        "i + l ==> 1234567890128 ==> long",
        "i + f ==> 7.5 ==> float",
        "Integer.MAX_VALUE + 1 ==> -2147483648 ==> int",
        "Long.MIN_VALUE - 1 ==> 9223372036854775807 ==> long",
        "d / 0 ==> Infinity ==> double",
        "-d / 0 ==> -Infinity ==> double",
        "0.0 / 0 ==> NaN ==> double",
        "0.0 / 0 != 0.0 / 0 ==> true ==> boolean",
        "0.0 / 0 == 0.0 / 0 ==> false ==> boolean",
        "5.5 % 2 ==> 1.5 ==> double",
        "~i ==> -6 ==> int",
        "~l ==> -1234567890124 ==> long",
        "-c ==> -120 ==> int",
        "+b ==> 10 ==> int",
        "!flag ==> false ==> boolean",
        "5 & 3 ==> 1 ==> int",
        "5 | 3 ==> 7 ==> int",
        "5 ^ 3 ==> 6 ==> int",
        "flag ^ true ==> false ==> boolean",
        "flag & false ==> false ==> boolean",
        "i > 3 && str != null ==> true ==> boolean",
        "none != null && none.length() > 0 ==> false ==> boolean",
        "flag || 1 / 0 == 0 ==> true ==> boolean",
        "i == 5.0 ==> true ==> boolean",
        "c == 'x' ==> true ==> boolean",
        "c < 'y' ==> true ==> boolean",
        "l >= 1234567890123L ==> true ==> boolean",
        "none == null ==> true ==> boolean",
        "point == obj ==> true ==> boolean",
        "point == point3 ==> false ==> boolean",
        "point != null ==> true ==> boolean",
        "boxed == 127 ==> true ==> boolean",
        "boxed + 1 ==> 128 ==> int",
        "-boxed ==> -127 ==> int",
        "boxedLong * 2 ==> 10 ==> long",
        "boxedDouble / 2 ==> 0.75 ==> double",
        "boxedChar + 0 ==> 113 ==> int",
        "boxedFlag && flag ==> true ==> boolean",
        "!boxedFlag ==> false ==> boolean",
        "flag ? 1 : 2 ==> 1 ==> int",
        "i > 10 ? \"big\" : \"small\" ==> \"small\" ==> java.lang.String",
        "nullBoxed == null ? -1 : nullBoxed ==> -1 ==> int",
        "flag ? flag ? 1 : 2 : 3 ==> 1 ==> int",
        "flag ? i : 2.0 ==> 5.0 ==> double",
        "!flag ? 2L : i ==> 5 ==> long",
        "flag ? b : 1 ==> 10 ==> byte",
        "flag ? c : 'y' ==> 'x' ==> char",
        "flag ? boxed : 0 ==> 127 ==> int",
        "flag ? boxed : 0L ==> 127 ==> long",
    })
    void operatorsFollowJavaPromotionAndPrecedence(String source, String value, String type) throws EvaluationException {
        assertValue(value, type, source);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "str + 1 ==> \"text1\"",
        "\"a\" + 1 + 2 ==> \"a12\"",
        "1 + 2 + \"a\" ==> \"3a\"",
        "\"d=\" + d ==> \"d=0.1\"",
        "\"\" + c ==> \"x\"",
        "\"\" + f ==> \"2.5\"",
        "\"\" + 1.0 ==> \"1.0\"",
        "\"\" + 100.0f ==> \"100.0\"",
        "\"\" + 1e21 ==> \"1.0E21\"",
        "\"\" + l ==> \"1234567890123\"",
        "\"\" + none ==> \"null\"",
        "none + none ==> \"nullnull\"",
        "\"\" + flag ==> \"true\"",
        "\"\" + boxed ==> \"127\"",
        "\"\" + boxedChar ==> \"q\"",
        "\"\" + boxedDouble ==> \"1.5\"",
        "\"p=\" + point ==> \"p=(3, 4)\"",
        "\"p=\" + asPoint ==> \"p=(1, 2, 3)\"",
        "str + 'c' ==> \"textc\"",
        "\"\" + 'a' + 'b' ==> \"ab\"",
        "'a' + 'b' + \"\" ==> \"195\"",
        "tricky ==> \"tab\\tquote\\\"nl\\n\"",
        "\"\\u00e9\" ==> \"\u00e9\"",
    })
    void stringConcatenationFormatsAsJava(String source, String value) throws EvaluationException {
        assertValue(value, "java.lang.String", source);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "(byte) 200 ==> -56 ==> byte",
        "(int) 3.99 ==> 3 ==> int",
        "(int) -3.99 ==> -3 ==> int",
        "(long) 1e19 ==> 9223372036854775807 ==> long",
        "(int) (0.0 / 0) ==> 0 ==> int",
        "(int) 'A' ==> 65 ==> int",
        "(char) 65 ==> 'A' ==> char",
        "(char) (c + 1) ==> 'y' ==> char",
        "(short) 70000 ==> 4464 ==> short",
        "(float) d ==> 0.1 ==> float",
        "(double) f ==> 2.5 ==> double",
        "(int) boxed ==> 127 ==> int",
        "(long) boxed ==> 127 ==> long",
        "(Integer) 5 ==> 5 ==> java.lang.Integer",
        "(Point) obj ==> (3, 4) ==> " + PKG + "Point",
        "((Point) obj).x ==> 3 ==> int",
        "(String) null ==> null ==> java.lang.String",
        "(Object) str ==> \"text\" ==> java.lang.Object",
        "(int[]) ints ==> int[3] ==> int[]",
        "obj instanceof Point ==> true ==> boolean",
        "obj instanceof Point3 ==> false ==> boolean",
        "asPoint instanceof Point3 ==> true ==> boolean",
        "none instanceof String ==> false ==> boolean",
        "ints instanceof Object ==> true ==> boolean",
        "ints instanceof int[] ==> true ==> boolean",
        "strings instanceof Object[] ==> true ==> boolean",
        "list instanceof java.util.Collection ==> true ==> boolean",
        "list instanceof java.util.Map ==> false ==> boolean",
        "obj instanceof com.example.NotLoaded ==> false ==> boolean",
        "objString instanceof Comparable ==> true ==> boolean",
    })
    void castsAndInstanceof(String source, String value, String type) throws EvaluationException {
        if (value.startsWith("(")) {
            assertEquals(type, result(source).staticTypeName(), source);
            assertTrue(eval(source).startsWith("Point (id="), source);
            return;
        }
        assertValue(value, type, source);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "nope ==> nope cannot be resolved to a variable",
        "i / 0 ==> java.lang.ArithmeticException: / by zero",
        "(int) 0.0 / 0 ==> java.lang.ArithmeticException: / by zero",
        "l % 0L ==> java.lang.ArithmeticException: / by zero",
        "ints[3] ==> java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 3",
        "ints[-1] ==> java.lang.ArrayIndexOutOfBoundsException: Index -1 out of bounds for length 3",
        "ints[1L] ==> type mismatch: an array index must be an int, but is long",
        "i[0] ==> the type of \"i\" must be an array type but it resolved to int",
        "strings[1].length() ==> java.lang.NullPointerException: cannot invoke \"length()\" because the expression at column 1 is null",
        "none.length() ==> java.lang.NullPointerException: cannot invoke \"length()\" because \"none\" is null",
        "nullString.x ==> java.lang.NullPointerException: cannot read field \"x\" because \"nullString\" is null",
        "i.foo ==> the primitive type int of \"i\" does not have a field foo",
        "Math ==> Math is a type, not a value",
        "java.util.Nope.x ==> java.util.Nope.x cannot be resolved: no variable, field or loaded type has that name",
        "point.nope ==> nope cannot be resolved or is not a field of the type " + PKG + "Point",
        "ints.size ==> size cannot be resolved or is not a field of the array type int[]",
        "Point.x ==> cannot make a static reference to the non-static field " + PKG + "Point.x",
        "this ==> OK",
        "str - 1 ==> the operator - is undefined for the type String",
        "flag + 1 ==> the operator + is undefined for the argument types boolean, int",
        "1.5 << 1 ==> the operator << is undefined for the argument types double, int",
        "i == flag ==> incomparable types: int and boolean",
        "!i ==> the operator ! is undefined for the argument type int",
        "~d ==> the operator ~ is undefined for the argument type double",
        "i && flag ==> type mismatch: the left operand of && must be a boolean, but is int",
        "i ? 1 : 2 ==> type mismatch: the condition of ?: must be a boolean, but is int",
        "nullBoxed + 1 ==> java.lang.NullPointerException: cannot unbox a null Integer",
        "(String) obj ==> java.lang.ClassCastException: class " + PKG + "Point cannot be cast to class java.lang.String",
        "(int) str ==> cannot cast from String to int",
        "(boolean) 1 ==> cannot cast from int to boolean",
        "(byte) boxed ==> cannot cast from Integer to byte",
        "(String) 5 ==> cannot cast from int to String",
        "(Nope) obj ==> Nope cannot be resolved to a type",
        "i instanceof Integer ==> incompatible conditional operand types int and Integer",
        "{1} ==> an array initializer must follow 'new T[]' at column 1",
        "x -> x ==> lambdas are not supported in evaluate at column 1",
    })
    void errorsAreClear(String source, String message) throws EvaluationException {
        if ("OK".equals(message)) {
            assertTrue(eval(source).startsWith("EvalDebuggee (id="), source);
            return;
        }
        assertEquals(message, error(source));
    }

    @Test
    void displayOfResults() throws EvaluationException {
        assertEquals("int[3]", eval("ints"));
        assertEquals("int[2][]", eval("grid"));
        assertEquals("String[3]", eval("strings"));
        assertEquals("Object[2]", eval("objects"));
        assertEquals("class java.lang.String", eval("String.class"));
        assertEquals("class int", eval("int.class"));
        assertEquals("class int[]", eval("int[].class"));
        assertEquals("java.lang.Class", result("String.class").staticTypeName());
        assertTrue(eval("point").matches("Point \\(id=\\d+\\)"), eval("point"));
        assertTrue(eval("color").matches("EvalDebuggee\\$Color \\(id=\\d+\\)"), eval("color"));
        assertEquals("1", eval("map.get(\"one\")"));
        assertEquals("'q'", eval("boxedChar"));
        assertEquals("true", eval("boxedFlag"));
        assertEquals("'\\n'", eval("'\\n'"));
        assertEquals("'\\''", eval("'\\''"));
    }

    @Test
    void aStaticFrameHasNoThis() throws EvaluationException {
        assertEquals("7", ValueFormatter.format(evaluator.evaluate("staticCounter", staticScope())));
        assertEquals("0", ValueFormatter.format(evaluator.evaluate("args.length", staticScope())));
        assertEquals("cannot use this in a static context", error("this", staticScope()));
        assertEquals("instanceField cannot be resolved to a variable", error("instanceField", staticScope()));
    }
}
