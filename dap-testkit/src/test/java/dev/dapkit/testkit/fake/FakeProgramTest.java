package dev.dapkit.testkit.fake;

import static dev.dapkit.testkit.fake.TargetDriver.MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The toy language, run without a debugger: what programs print and how they exit. */
class FakeProgramTest {

    /** A finished run: the exit code and everything printed. */
    private record Run(int exitCode, String output) {
    }

    private static Run run(String text, String... args) throws Exception {
        FakeProgram program = FakeProgram.load(FakeSources.of(MAIN, text), MAIN).start(args);
        int code = program.exitCode().get(10, TimeUnit.SECONDS);
        return new Run(code, program.output());
    }

    @Test
    void arithmeticHasTheUsualPrecedence() throws Exception {
        assertEquals("7 9 3 1 -6 5 -1\n", run("print(1 + 2 * 3, (1 + 2) * 3, 7 / 2, 7 % 3, -2 * 3, 10 - 2 - 3, -7 / 7)").output);
    }

    @Test
    void logicShortCircuitsAndContainersCompareByIdentity() throws Exception {
        assertEquals("True True True True True False True\n", run(
                "xs = [1]\nprint(1 < 2 and not 2 < 1, 1 == 1 or undefined, \"a\" + \"b\" == \"ab\", not 0, "
                        + "None == None, [1] == [1], xs == xs)").output);
    }

    @Test
    void stringsHaveEscapesAndConcatenation() throws Exception {
        assertEquals("say \"hi\"\tnow 12 12!\n", run("s = \"say \\\"hi\\\"\\tnow\"\nprint(s, len(s), str(12) + \"!\")").output);
    }

    @Test
    void listsMapsAndObjectsAreBuiltReadAndChanged() throws Exception {
        assertEquals("[10, 2, 3] 2 3 P{v: {\"a\": 1, \"b\": [10, 2, 3]}}\n", run(String.join("\n",
                "xs = [1, 2]; append(xs, 3); xs[0] = 10",
                "m = {\"a\": 1}; m[\"b\"] = xs",
                "p = P{v: m}",
                "print(xs, len(m), p.v[\"b\"][2], p)")).output);
    }

    @Test
    void loopsConditionsFunctionsAndRecursion() throws Exception {
        assertEquals("11 3628800 None\n", run(String.join("\n",
                "def fact(n):",
                "    if n <= 1:",
                "        return 1",
                "    return n * fact(n - 1)",
                "def nothing():",
                "    return",
                "total = 0",
                "for k in {\"x\": 1, \"y\": 2}:",
                "    if k == \"x\":",
                "        total = total + 10",
                "    else:",
                "        total = total + 1",
                "print(total, fact(10), nothing())")).output);
    }

    @Test
    void tryCatchesRaisedValuesAndFailingOperations() throws Exception {
        Run run = run(String.join("\n",
                "try:",
                "    x = 1 / 0",
                "except e:",
                "    print(\"caught\", e)",
                "try:",
                "    raise [1, 2]",
                "except:",
                "    print(\"bare\")"));
        assertEquals(new Run(0, "caught division by zero\nbare\n"), run);
    }

    @Test
    void exitEndsTheProgramWithItsCode() throws Exception {
        assertEquals(new Run(3, "a\n"), run("print(\"a\")\nexit(3)\nprint(\"b\")"));
    }

    @Test
    void anUncaughtErrorEndsTheMainThreadWithATraceback() throws Exception {
        Run run = run("def f(x):\n    return x + y\nprint(f(1))");
        assertEquals(1, run.exitCode);
        assertTrue(run.output.contains("Uncaught error: name 'y' is not defined"), run.output);
        assertTrue(run.output.contains("at f (" + MAIN + ":2)\n  at <module> (" + MAIN + ":3)"), run.output);
    }

    @Test
    void runawayRecursionIsAnErrorNotAStackOverflow() throws Exception {
        Run run = run("def f(n):\n    return f(n + 1)\nf(0)");
        assertEquals(1, run.exitCode);
        assertTrue(run.output.contains("deeper than 200"), run.output);
    }

    @Test
    void argvHoldsTheArguments() throws Exception {
        assertEquals("[\"x\", \"y\"]\n", run("print(argv)", "x", "y").output);
    }

    @Test
    void threadsTakeTurnsTheSameWayOnEveryRun() throws Exception {
        String program = String.join("\n",
                "def worker(name, n):",
                "    for k in range(n):",
                "        print(name, k)",
                "spawn worker(\"a\", 3)",
                "spawn worker(\"b\", 2)",
                "for k in range(3):",
                "    print(\"main\", k)");
        String first = run(program).output;
        assertEquals(8, first.lines().count(), first);
        for (int i = 0; i < 10; i++) {
            assertEquals(first, run(program).output);
        }
    }

    @Test
    void exitOnOneThreadEndsThemAll() throws Exception {
        assertEquals(4, run(String.join("\n",
                "def forever():",
                "    for i in range(1000000):",
                "        for j in range(1000000):",
                "            pass",
                "spawn forever()",
                "exit(4)")).exitCode);
    }

    @Test
    void aProgramStartsOnce() throws Exception {
        FakeProgram program = FakeProgram.load(FakeSources.of(MAIN, "pass"), MAIN).start();
        assertThrows(IllegalStateException.class, program::start);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            x = (1                         | :1:7: expected ')' but found the end of the line
            def f(:\\n    pass            | :1:7: expected a name but found ':'
            if x:\\nprint(1)              | :1:1: expected an indented block after this line
            '  x = 1'                      | :1:3: unexpected indentation
            else:\\n    pass              | :1:1: 'else' without an 'if' before it
            x = 1\\n\\tpass                | :2:1: indent with spaces
            return 1                       | :1:1: 'return' outside a function
            x = "abc                       | :1:5: string is not closed
            f() = 3                        | :1:1: can assign only to a name, a field or an index
            for i range(3):\\n    pass    | :1:7: expected 'in' but found 'range'
            x = 1 2                        | :1:7: expected the end of the line but found '2'
            def f():\\n  pass\\ndef f():\\n  pass | :3:1: function 'f' is already defined
            x = 99999999999999999999       | :1:5: integer 99999999999999999999 does not fit in 64 bits
            try:\\n    pass\\nx = 1       | :1:1: 'try' needs an 'except' at the same indentation
            spawn 3                        | :1:1: 'spawn' needs a function call
            x = 1 $ 2                      | :1:7: unexpected character '$'
            def f():\\n    def g():\\n        pass | :2:5: 'def' is allowed only at the top level
            """)
    void syntaxErrorsSayWhereAndWhat(String text, String expected) {
        FakeProgramException e = assertThrows(FakeProgramException.class,
                () -> FakeProgram.load(FakeSources.of(MAIN, text.replace("\\n", "\n").replace("\\t", "\t")), MAIN));
        assertTrue(e.getMessage().startsWith(MAIN + expected), e.getMessage());
    }

    @Test
    void aMissingImportNamesTheImportingLine() {
        FakeProgramException e = assertThrows(FakeProgramException.class,
                () -> FakeProgram.load(FakeSources.of(Map.of(MAIN, "x = 1\nimport missing")), MAIN));
        assertTrue(e.getMessage().contains(MAIN + ":2 (import missing) needs /remote/app/missing.fake, which does not exist"),
                e.getMessage());
    }
}
