package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scopes and values of the Collections sample, stopped at its LOOK line: leaves, objects, arrays, collections, maps. */
class JvmVariablesTest {

    private ServedJvm jvm;
    private int thread;
    private Map<String, Variable> locals;

    @BeforeEach
    void stopAtLook() {
        jvm = ServedJvm.open();
        jvm.launch(Samples.launch("Collections"), "Collections", Samples.line("Collections", "LOOK"));
        StoppedEventArguments stop = jvm.stopped();
        thread = stop.getThreadId();
        locals = jvm.locals(thread);
    }

    @AfterEach
    void close() {
        jvm.close();
    }

    @Test
    void leavesShowAsJavaLiterals() {
        assertEquals("'x'", locals.get("letter").getValue());
        assertEquals("char", locals.get("letter").getType());
        assertEquals("\"tab\\there\"", locals.get("text").getValue());
        assertEquals("String", locals.get("text").getType());
        assertEquals("1234", locals.get("boxed").getValue(), "a box shows its value");
        assertEquals("GREEN", locals.get("color").getValue(), "an enum constant shows its name");
        assertEquals(0, locals.get("text").getVariablesReference(), "a string has no children");
    }

    @Test
    void anObjectShowsItsFieldsAndItsToStringOnDemand() {
        Variable point = locals.get("point");
        assertTrue(point.getValue().startsWith("Collections$Point@"), point.getValue());
        Map<String, Variable> fields = jvm.variables(point.getVariablesReference());
        assertEquals("3", fields.get("x").getValue());
        assertEquals("point.x", fields.get("x").getEvaluateName());
        assertEquals("\"p\\\"1\\\"\"", fields.get("label").getValue());
        Variable toString = fields.get("toString()");
        assertNotNull(toString, "Point overrides toString: " + fields.keySet());
        assertTrue(toString.getPresentationHint().getLazy(), "its value is fetched only when asked");
        assertEquals(List.of("\"Point(3, 4)\""), jvm.variablesPage(toString.getVariablesReference(), null, null, null)
                .stream().map(Variable::getValue).toList());
    }

    @Test
    void anArrayIsPagedByIndex() {
        Variable big = locals.get("big");
        assertEquals("int[2500]", big.getValue());
        assertEquals(2500, big.getIndexedVariables());
        List<Variable> page = jvm.variablesPage(big.getVariablesReference(), "indexed", 1000, 3);
        assertEquals(List.of("[1000]", "[1001]", "[1002]"), page.stream().map(Variable::getName).toList());
        assertEquals(List.of("1000000", "1002001", "1004004"), page.stream().map(Variable::getValue).toList());
        assertEquals("big[1001]", page.get(1).getEvaluateName());
        assertEquals(0, jvm.variablesPage(big.getVariablesReference(), "named", null, null).size());
    }

    @Test
    void collectionsShowTheirElementsAndTheirRawFields() {
        Variable names = locals.get("names");
        assertEquals("ArrayList (size 3)", names.getValue());
        assertEquals(3, names.getIndexedVariables());
        List<Variable> elements = jvm.variablesPage(names.getVariablesReference(), "indexed", 0, 3);
        assertEquals(List.of("\"ann\"", "\"bob\"", "\"cy\""), elements.stream().map(Variable::getValue).toList());
        List<Variable> named = jvm.variablesPage(names.getVariablesReference(), "named", null, null);
        assertEquals(List.of("(raw)"), named.stream().map(Variable::getName).toList());
        assertTrue(jvm.variables(named.get(0).getVariablesReference()).containsKey("elementData"),
                "(raw) shows the ArrayList's own fields");

        Variable fixed = locals.get("fixed");
        assertEquals(4, fixed.getIndexedVariables(), "an immutable list without a size field is sized by size()");
        assertEquals(List.of("3", "4"), jvm.variablesPage(fixed.getVariablesReference(), "indexed", 2, 2).stream()
                .map(Variable::getValue).toList());
    }

    @Test
    void mapsShowTheirEntriesAsKeyAndValue() {
        Variable ages = locals.get("ages");
        assertEquals("LinkedHashMap (size 2)", ages.getValue());
        List<Variable> entries = jvm.variablesPage(ages.getVariablesReference(), "indexed", 0, 2);
        assertEquals(List.of("\"ann\" → 31", "\"bob\" → 42"), entries.stream().map(Variable::getValue).toList());
        Map<String, Variable> entry = jvm.variables(entries.get(1).getVariablesReference());
        assertEquals("\"bob\"", entry.get("key").getValue());
        assertEquals("42", entry.get("value").getValue());
        List<Variable> hashed = jvm.variablesPage(locals.get("hashed").getVariablesReference(), "indexed", null, null);
        assertEquals(List.of("1 → \"one\""), hashed.stream().map(Variable::getValue).toList());
    }

    @Test
    void theStaticScopeShowsTheClassesStaticFieldsAndSetVariableChangesValues() {
        List<Scope> scopes = jvm.scopes(jvm.top(thread).getId());
        Scope statics = scopes.stream().filter(s -> s.getName().startsWith("Static")).findFirst().orElseThrow();
        assertEquals("7", jvm.variables(statics.getVariablesReference()).get("counter").getValue());

        assertEquals("9", set(statics.getVariablesReference(), "counter", "9"));
        assertEquals("'y'", set(scopes.get(0).getVariablesReference(), "letter", "'y'"));
        assertEquals("\"new\\nline\"", set(scopes.get(0).getVariablesReference(), "text", "\"new\\nline\""));
        Variable big = jvm.locals(thread).get("big");
        assertEquals("-5", set(big.getVariablesReference(), "[2]", "-5"));
        Map<String, Variable> now = jvm.locals(thread);
        assertEquals("'y'", now.get("letter").getValue());
        assertEquals("-5", jvm.variablesPage(now.get("big").getVariablesReference(), "indexed", 2, 1).get(0).getValue());

        SetVariableArguments bad = new SetVariableArguments();
        bad.setVariablesReference(jvm.scopes(jvm.top(thread).getId()).get(0).getVariablesReference());
        bad.setName("letter");
        bad.setValue("'too long'");
        Response refused = jvm.requestResponse("setVariable", bad);
        assertFalse(refused.success());
        assertTrue(refused.message().contains("letter"), refused.message());

        jvm.resume(thread);
        assertEquals(0, jvm.awaitExit());
        assertTrue(jvm.output("stdout").contains("y\"new\nline\"9") || jvm.output("stdout").contains("ynew\nline9"),
                "the program prints the values set: " + jvm.output("stdout"));
    }

    private String set(int reference, String name, String value) {
        SetVariableArguments arguments = new SetVariableArguments();
        arguments.setVariablesReference(reference);
        arguments.setName(name);
        arguments.setValue(value);
        return jvm.request("setVariable", arguments, SetVariableResponse.class).getValue();
    }

    @Test
    void aThousandFrameDeepStackIsPaged() {
        try (ServedJvm deep = ServedJvm.open()) {
            deep.launch(Samples.launch("Recursion"), "Recursion", Samples.line("Recursion", "BOTTOM"));
            StoppedEventArguments stop = deep.stopped();
            StackTraceResponse page = deep.stackPage(stop.getThreadId(), 500, 20);
            assertEquals(1001, page.getTotalFrames(), "down() 1000 times and main()");
            assertEquals(20, page.getStackFrames().length);
            for (StackFrame frame : page.getStackFrames()) {
                assertEquals("Recursion.down(int)", frame.getName());
            }
            StackTraceResponse last = deep.stackPage(stop.getThreadId(), 1000, 20);
            assertEquals(1, last.getStackFrames().length);
            assertEquals("Recursion.main(String[])", last.getStackFrames()[0].getName());
            Map<String, Variable> bottom = deep.variables(deep.scopes(last.getStackFrames()[0].getId()).get(0)
                    .getVariablesReference());
            assertTrue(bottom.containsKey("args"), bottom.keySet().toString());
        }
    }
}
