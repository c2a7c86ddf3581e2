package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogMessageTemplateTest {

    private static String render(String message) {
        return LogMessageTemplate.parse(message).render(expression -> "<" + expression + ">");
    }

    @Test
    void expressionsAreReplacedAndDoubledBracesAreLiteral() {
        assertEquals("x = <x>, y = <a.b[2]>", render("x = {x}, y = {a.b[2]}"));
        assertEquals("set {1, 2} has <len(s)>", render("set {{1, 2}} has {len(s)}"));
        assertEquals("<f({1})> done", render("{f({1})} done"), "nested braces stay in the expression");
        assertEquals("open { brace", render("open { brace"), "an unclosed brace is text");
        assertEquals("<x>", render("{ x }"), "expressions are trimmed");
    }

    @Test
    void knowsWhetherItNeedsAnEvaluator() {
        assertTrue(LogMessageTemplate.parse("x={x}").hasExpressions());
        assertFalse(LogMessageTemplate.parse("just {{text}}").hasExpressions());
        assertEquals(LogMessageTemplate.parse("a {b}"), LogMessageTemplate.parse("a {b}"));
    }
}
