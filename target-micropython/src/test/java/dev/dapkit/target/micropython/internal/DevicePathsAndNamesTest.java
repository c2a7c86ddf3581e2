package dev.dapkit.target.micropython.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Device paths made absolute, and the expressions hover may evaluate. */
class DevicePathsAndNamesTest {

    @ParameterizedTest
    @CsvSource({
        "main.py, /, /main.py",
        "lib/util.py, /flash, /flash/lib/util.py",
        "./main.py, /flash, /flash/main.py",
        "../boot.py, /flash/app, /flash/boot.py",
        "/flash/main.py, /other, /flash/main.py",
        "<stdin>, /flash, <stdin>",
    })
    void relativeFileNamesAreResolvedAgainstTheDevicesWorkingDirectory(String file, String cwd, String expected) {
        assertEquals(expected, DevicePaths.absolute(file, cwd));
    }

    @ParameterizedTest
    @ValueSource(strings = {"total", "total + 1", "cfg['a']", "sensor.value * 2", "items[1:3]", "(a + b) * c",
        "x == 3 and not y", "'a(b)' + s", "-n <= 4", "{'k': 1}"})
    void hoverReadsNamesAttributesIndexesAndOperators(String expression) {
        assertTrue(PythonNames.isReadOnlyExpression(expression), expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"led.toggle()", "f (1)", "items.pop()", "(x := 3)", "a = 1", "[g for g in gs]",
        "lambda: 0", "print('x')", "'unclosed", "a; b", "d[k]()", "(yield)"})
    void hoverRefusesCallsAssignmentsAndStatements(String expression) {
        assertFalse(PythonNames.isReadOnlyExpression(expression), expression);
    }
}
