package dev.dapkit.target.jvm.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    private static String shape(String source) throws EvaluationException {
        return ExprPrinter.print(ExpressionParser.parse(source));
    }

    private static Object literal(String source) throws EvaluationException {
        Expr expr = ExpressionParser.parse(source);
        return assertInstanceOf(Expr.Literal.class, expr, source).value();
    }

    private static EvaluationException error(String source) {
        return assertThrows(EvaluationException.class, () -> ExpressionParser.parse(source), source);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "a + b * c ==> (a + (b * c))",
        "a * b + c ==> ((a * b) + c)",
        "a - b - c ==> ((a - b) - c)",
        "a / b / c ==> ((a / b) / c)",
        "a % b * c ==> ((a % b) * c)",
        "a << b + c ==> (a << (b + c))",
        "a >>> b >> c ==> ((a >>> b) >> c)",
        "a < b == c > d ==> ((a < b) == (c > d))",
        "a & b ^ c | d ==> (((a & b) ^ c) | d)",
        "a | b ^ c & d ==> (a | (b ^ (c & d)))",
        "a || b && c ==> (a || (b && c))",
        "a && b || c && d ==> ((a && b) || (c && d))",
        "a == b != c ==> ((a == b) != c)",
        "a & b == c ==> (a & (b == c))",
        "a ? b : c ? d : e ==> (a ? b : (c ? d : e))",
        "a ? b ? c : d : e ==> (a ? (b ? c : d) : e)",
        "a || b ? c : d ==> ((a || b) ? c : d)",
        "a = b = c ==> (a = (b = c))",
        "a += b -= c ==> (a += (b -= c))",
        "a >>>= 2 ==> (a >>>= 2)",
        "x <<= 1 + 2 ==> (x <<= (1 + 2))",
        "a = b ? c : d ==> (a = (b ? c : d))",
        "-a * b ==> ((-a) * b)",
        "!a && b ==> ((!a) && b)",
        "~a & b ==> ((~a) & b)",
        "- - a ==> (-(-a))",
        "-a++ ==> (-(a++))",
        "++a + b-- ==> ((++a) + (b--))",
        "a.b.c ==> a.b.c",
        "a.b(c).d[e] ==> a.b(c).d[e]",
        "a[i][j] ==> a[i][j]",
        "m(1, 2) ==> m(1, 2)",
        "java.lang.Math.max(1, 2) ==> java.lang.Math.max(1, 2)",
        "(int) a + b ==> (((int) a) + b)",
        "(int) -a ==> ((int) (-a))",
        "(String) o ==> ((String) o)",
        "(java.util.List) o ==> ((java.util.List) o)",
        "(int[]) o ==> ((int[]) o)",
        "(String[]) o ==> ((String[]) o)",
        "(a) + b ==> (a + b)",
        "(a) - b ==> (a - b)",
        "(a) ==> a",
        "(Object) (a) ==> ((Object) a)",
        "(Object) !b ==> ((Object) (!b))",
        "(java.util.List<String>) o ==> ((java.util.List) o)",
        "(Integer) 5 ==> ((Integer) 5)",
        "a instanceof String ==> (a instanceof String)",
        "a instanceof int[] && b ==> ((a instanceof int[]) && b)",
        "a + b instanceof String ==> ((a + b) instanceof String)",
        "a == b instanceof T ==> (a == (b instanceof T))",
        "new Point(1, 2) ==> new Point(1, 2)",
        "new java.util.ArrayList<String>() ==> new java.util.ArrayList()",
        "new java.util.HashMap<String, java.util.List<Integer>>() ==> new java.util.HashMap()",
        "new ArrayList<>(5) ==> new ArrayList(5)",
        "new int[3] ==> new int[][3]",
        "new int[2][3] ==> new int[][][2][3]",
        "new int[2][] ==> new int[][][2]",
        "new int[]{1, 2} ==> new int[]{1, 2}",
        "new int[][]{{1}, {2, 3},} ==> new int[][]{{1}, {2, 3}}",
        "new String[0].length ==> new String[][0].length",
        "String.class ==> String.class",
        "java.lang.String.class ==> java.lang.String.class",
        "int.class ==> int.class",
        "int[][].class ==> int[][].class",
        "String[].class ==> String[].class",
        "void.class ==> void.class",
        "this ==> this",
        "this.x = 3 ==> (this.x = 3)",
        "a.<String>m() ==> a.m()",
        "s.length() > 0; ==> (s.length() > 0)",
        "a /* note */ + // line\\n b ==> (a + b)",
    })
    void precedenceAndShape(String source, String expected) throws EvaluationException {
        assertEquals(expected, shape(source.replace("\\n", "\n")));
    }

    @Test
    void integerLiterals() throws EvaluationException {
        assertEquals(42, literal("42"));
        assertEquals(0, literal("0"));
        assertEquals(1_000_000, literal("1_000_000"));
        assertEquals(0x7fffffff, literal("0x7FFF_FFFF"));
        assertEquals(-1, literal("0xFFFFFFFF"));
        assertEquals(8, literal("010"));
        assertEquals(0, literal("00"));
        assertEquals(5, literal("0b101"));
        assertEquals(-2147483648, literal("0b1000_0000_0000_0000_0000_0000_0000_0000"));
        assertEquals(Integer.MAX_VALUE, literal("2147483647"));
        assertEquals(Integer.MIN_VALUE, literal("-2147483648"));
        assertEquals(42L, literal("42L"));
        assertEquals(42L, literal("42l"));
        assertEquals(Long.MAX_VALUE, literal("9223372036854775807L"));
        assertEquals(Long.MIN_VALUE, literal("-9223372036854775808L"));
        assertEquals(-1L, literal("0xFFFF_FFFF_FFFF_FFFFL"));
        assertEquals(0777L, literal("0777L"));
        assertEquals("(-2147483647)", shape("-(2147483647)"));
        assertInstanceOf(Expr.Unary.class, ExpressionParser.parse("-(2147483647)"));
    }

    @Test
    void floatingLiterals() throws EvaluationException {
        assertEquals(1.0, literal("1.0"));
        assertEquals(1.0, literal("1."));
        assertEquals(0.5, literal(".5"));
        assertEquals(1e10, literal("1e10"));
        assertEquals(1.5e-3, literal("1.5E-3"));
        assertEquals(1000.0, literal("1.e3"));
        assertEquals(2.5f, literal("2.5f"));
        assertEquals(3f, literal("3F"));
        assertEquals(3.0, literal("3d"));
        assertEquals(3.0, literal("3D"));
        assertEquals(1_000.5, literal("1_000.5"));
        assertEquals(3.0, literal("0x1.8p1"));
        assertEquals(0.0, literal("0.0"));
        assertEquals(0.0f, literal("0e0f"));
        assertEquals(Double.MAX_VALUE, literal("1.7976931348623157E308"));
        assertEquals(Float.MIN_VALUE, literal("1.4e-45f"));
    }

    @Test
    void characterAndStringLiterals() throws EvaluationException {
        assertEquals('a', literal("'a'"));
        assertEquals('\n', literal("'\\n'"));
        assertEquals('\'', literal("'\\''"));
        assertEquals('\\', literal("'\\\\'"));
        assertEquals('A', literal("'\\u0041'"));
        assertEquals('A', literal("'\\uu0041'"));
        assertEquals('\0', literal("'\\0'"));
        assertEquals('\377', literal("'\\377'"));
        assertEquals(' ', literal("'\\s'"));
        assertEquals("", literal("\"\""));
        assertEquals("a\tb\"c\\d", literal("\"a\\tb\\\"c\\\\d\""));
        assertEquals("\u00e9t\u00e9", literal("\"\\u00e9t\\u00E9\""));
        assertEquals("x\0y", literal("\"x\\0y\""));
        assertEquals("\0" + "12", literal("\"\\00012\""));
        assertEquals("line1\nline2\n", literal("\"\"\"\n    line1\n    line2\n    \"\"\""));
        assertEquals("a\tb", literal("\"\"\"\n  a\\tb\"\"\""));
        assertEquals(Boolean.TRUE, literal("true"));
        assertEquals(Boolean.FALSE, literal("false"));
        assertNull(literal("null"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "(1 + 2)) ==> unexpected ')' at column 8",
        "a + ==> unexpected end of expression at column 4",
        "(a + b ==> expected ')' but found end of expression at column 7",
        "a b ==> unexpected identifier 'b' at column 3",
        "f(1,) ==> unexpected ')' at column 5",
        "a[1 ==> expected ']' but found end of expression at column 4",
        "2147483648 ==> integer number too large: 2147483648 at column 1",
        "9223372036854775808L ==> long number too large: 9223372036854775808L at column 1",
        "0x1_0000_0000 ==> integer number too large: 0x1_0000_0000 at column 1",
        "09 ==> digit 9 is not octal in 09 at column 1",
        "1_ ==> illegal underscore: underscores must be between digits at column 2",
        "0x ==> malformed number 0x: no digits after the prefix at column 1",
        "1e ==> malformed floating-point literal: the exponent has no digits at column 1",
        "1e999 ==> floating-point literal 1e999 is too large at column 1",
        "1e-999 ==> floating-point literal 1e-999 is too small at column 1",
        "12abc ==> unexpected character 'a' after number 12 at column 3",
        "'ab' ==> unterminated character literal at column 1",
        "'' ==> empty character literal at column 1",
        "\"abc ==> unterminated string literal at column 1",
        "\"a\\qb\" ==> invalid escape sequence \\q at column 3",
        "\"\\u00g1\" ==> malformed unicode escape \\u00g1 at column 2",
        "a # b ==> unexpected character '#' at column 3",
        "/* open ==> unterminated comment at column 1",
        "1 = 2 ==> the left-hand side of '=' must be a variable at column 3",
        "a + b += 1 ==> the left-hand side of '+=' must be a variable at column 7",
        "++1 ==> the operand of '++' must be a variable at column 1",
        "a.b() -- ==> the operand of '--' must be a variable at column 7",
        "x -> x + 1 ==> lambdas are not supported in evaluate at column 1",
        "() -> 1 ==> lambdas are not supported in evaluate at column 1",
        "(a, b) -> a ==> lambdas are not supported in evaluate at column 1",
        "f((String s) -> s) ==> lambdas are not supported in evaluate at column 3",
        "list.forEach(x -> {}) ==> lambdas are not supported in evaluate at column 14",
        "String::valueOf ==> method references are not supported in evaluate at column 7",
        "list.stream().map(Object::toString) ==> method references are not supported in evaluate at column 25",
        "switch (x) { default -> 1; } ==> switch expressions are not supported in evaluate at column 1",
        "new Object() { } ==> anonymous classes are not supported in evaluate at column 14",
        "o instanceof String s ==> pattern matching in instanceof is not supported in evaluate at column 21",
        "super.toString() ==> 'super' is not supported in evaluate at column 1",
        "Outer.this.x ==> qualified 'this' is not supported in evaluate at column 7",
        "outer.new Inner() ==> creating an inner class instance is not supported in evaluate at column 7",
        "new int[] ==> an array creation needs a dimension expression or an initializer, but found end of expression at column 10",
        "new int[2]{1, 2} ==> an array creation cannot have both dimension expressions and an initializer at column 11",
        "new int(3) ==> expected '[' after 'new int' but found '(' at column 8",
        "new int[][2] ==> a dimension expression cannot follow an empty '[]' at column 10",
        "{1, 2} ==> an array initializer must follow 'new T[]' at column 1",
        "int ==> unexpected 'int' at column 1",
        "int x = 3 ==> unexpected 'int' at column 1",
        "a.1 ==> unexpected literal .1 at column 2",
        "a; b ==> unexpected ';' at column 2",
        "(a.b()).class ==> '.class' must follow a type name at column 9",
    })
    void errorsSayWhatAndWhere(String source, String message) {
        assertEquals(message, error(source.replace("\\n", "\n")).getMessage());
    }

    @Test
    void emptyExpression() {
        assertEquals("the expression is empty", error("  ").getMessage());
    }

    @Test
    void syntaxErrorsCarryTheirColumn() {
        assertEquals(8, error("(1 + 2))").column());
    }
}
