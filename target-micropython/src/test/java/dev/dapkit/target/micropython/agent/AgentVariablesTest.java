package dev.dapkit.target.micropython.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Stack, scopes and variables (paged, nested, cyclic), evaluate, exec and set on a stopped program. */
class AgentVariablesTest {

    private static final String ALL = "dev.dapkit.target.micropython.agent.Interpreter#all";

    @TempDir
    Path dir;

    private AgentSession agent;
    private JsonNode stop;
    private int frame;

    private Program stopInInspect(Interpreter python) throws Exception {
        python.require();
        Program program = Program.copy(dir, "values.py");
        agent = AgentSession.launch(python, Program.copyAgent(dir.resolve("agent")), program, true);
        agent.ok("bp", "file", program.file(), "lines", List.of(Map.of("line", program.line("stop"))));
        agent.ok("go");
        stop = agent.stopped();
        frame = agent.ok("stack", "t", stop.path("t").asLong(), "start", 0, "levels", 1)
                .path("frames").path(0).path("id").asInt();
        return program;
    }

    private JsonNode vars(int ref, int start, int count) throws Exception {
        return agent.ok("vars", "ref", ref, "start", start, "count", count);
    }

    private static JsonNode named(JsonNode vars, String name) {
        for (JsonNode v : vars.path("vars")) {
            if (name.equals(v.path("n").asText())) {
                return v;
            }
        }
        throw new AssertionError("no variable " + name + " in " + vars);
    }

    private JsonNode global(String name) throws Exception {
        JsonNode scopes = agent.ok("scopes", "f", frame).path("scopes");
        return named(vars(scopes.path(1).path("ref").asInt(), 0, 0), name);
    }

    private String eval(String expression) throws Exception {
        return agent.ok("eval", "f", frame, "x", expression).path("v").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void stackScopesAndVariablesExpandLazily(Interpreter python) throws Exception {
        Program program = stopInInspect(python);
        try (AgentSession session = agent) {
            JsonNode stack = agent.ok("stack", "t", stop.path("t").asLong(), "start", 0, "levels", 1);
            assertEquals(2, stack.path("total").asInt());
            assertEquals(1, stack.path("frames").size());
            assertEquals("inspect", stack.path("frames").path(0).path("name").asText());
            JsonNode scopes = agent.ok("scopes", "f", frame).path("scopes");
            assertEquals("Locals", scopes.path(0).path("name").asText());
            assertEquals("Globals", scopes.path(1).path("name").asText());
            if (python.micropython()) {
                assertEquals(0, scopes.path(0).path("ref").asInt());
                assertEquals("locals need firmware with f_locals", scopes.path(0).path("note").asText());
            } else {
                JsonNode locals = vars(scopes.path(0).path("ref").asInt(), 0, 0);
                assertEquals("41", named(locals, "arg").path("v").asText());
                assertEquals("42", named(locals, "local").path("v").asText());
            }
            JsonNode data = global("data");
            assertEquals("list", data.path("t").asText());
            assertEquals(7, data.path("size").asInt());
            JsonNode items = vars(data.path("ref").asInt(), 0, 0);
            assertEquals(7, items.path("total").asInt());
            assertEquals("'s'", named(items, "5").path("v").asText());
            assertEquals(0, named(items, "5").path("ref").asInt(), "a str has no children");
            JsonNode itself = named(items, "6");
            assertEquals(7, itself.path("size").asInt());
            if (!python.micropython()) {  // MicroPython's repr recurses on a cycle; the agent shows its error
                assertTrue(itself.path("v").asText().startsWith("[1, [2, 3], "), itself::toString);
            }
            JsonNode again = vars(itself.path("ref").asInt(), 6, 1);
            assertTrue(again.path("vars").path(0).path("ref").asInt() > 0, "the cycle expands again, lazily");
            JsonNode dict = vars(named(items, "2").path("ref").asInt(), 0, 0);
            JsonNode tuple = named(dict, "'k'");
            assertEquals("tuple", tuple.path("t").asText());
            JsonNode pair = vars(tuple.path("ref").asInt(), 0, 0);
            assertEquals("5", named(pair, "1").path("v").asText());
            assertEquals("7", named(vars(named(items, "3").path("ref").asInt(), 0, 0), "0").path("v").asText());
            JsonNode bytes = vars(named(items, "4").path("ref").asInt(), 0, 0);
            assertEquals("98", named(bytes, "1").path("v").asText());
            JsonNode big = global("big");
            assertEquals("list (len 250)", big.path("v").asText());
            assertEquals(250, big.path("size").asInt());
            JsonNode page = vars(big.path("ref").asInt(), 100, 10);
            assertEquals(250, page.path("total").asInt());
            List<String> names = new ArrayList<>();
            page.path("vars").forEach(v -> names.add(v.path("n").asText() + "=" + v.path("v").asText()));
            assertEquals(List.of("100=100", "101=101", "102=102", "103=103", "104=104", "105=105", "106=106",
                    "107=107", "108=108", "109=109"), names);
            JsonNode point = global("point");
            assertEquals("Point", point.path("t").asText());
            Set<String> attributes = new TreeSet<>();
            vars(point.path("ref").asInt(), 0, 0).path("vars").forEach(v -> attributes.add(v.path("n").asText()));
            assertEquals(Set.of("tags", "x"), attributes, "attributes without dunders and methods");
            agent.ok("bp", "file", program.file(), "lines", List.of(Map.of("line", program.line("end"))));
            agent.ok("cont", "t", stop.path("t").asLong());
            JsonNode next = agent.stopped();
            JsonNode stale = agent.request("vars", "ref", data.path("ref").asInt());
            assertTrue(stale.path("e").asText().contains("no frame or reference"),
                    "references die when their thread resumes: " + stale);
            assertEquals(0, agent.continueToExit(next));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void evaluateExecAndSetChangeTheProgram(Interpreter python) throws Exception {
        stopInInspect(python);
        try (AgentSession session = agent) {
            JsonNode length = agent.ok("eval", "f", frame, "x", "len(data)");
            assertEquals("7", length.path("v").asText());
            assertEquals("int", length.path("t").asText());
            JsonNode failed = agent.request("eval", "f", frame, "x", "no_such_name + 1");
            assertTrue(failed.path("e").asText().startsWith("eval failed: NameError"), failed::toString);
            assertEquals("", agent.ok("eval", "f", frame, "x", "counter = 5", "mode", "exec").path("v").asText());
            assertEquals("5", eval("counter"));
            int globals = agent.ok("scopes", "f", frame).path("scopes").path(1).path("ref").asInt();
            assertEquals("6", agent.ok("set", "ref", globals, "n", "counter", "x", "counter + 1").path("v").asText());
            int data = global("data").path("ref").asInt();
            agent.ok("set", "ref", data, "n", "0", "x", "100");
            JsonNode items = vars(data, 0, 0);
            int dict = named(items, "2").path("ref").asInt();
            agent.ok("set", "ref", dict, "n", "'k'", "x", "9");
            assertEquals("9", eval("data[2]['k']"));
            int point = global("point").path("ref").asInt();
            agent.ok("set", "ref", point, "n", "x", "x", "7");
            int tuple = named(vars(dict, 0, 0), "'k'").path("ref").asInt();
            assertEquals(0, tuple, "9 is an int now");
            JsonNode fixed = agent.request("set", "ref", named(items, "4").path("ref").asInt(), "n", "0", "x", "1");
            assertTrue(fixed.path("e").asText().contains("cannot be changed"), fixed::toString);
            String local = "42";
            if (!python.micropython()) {
                int locals = agent.ok("scopes", "f", frame).path("scopes").path(0).path("ref").asInt();
                agent.ok("set", "ref", locals, "n", "local", "x", "99");
                assertEquals("99", eval("local"), "a set local stays set when the frame's locals are read again");
                int again = agent.ok("scopes", "f", frame).path("scopes").path(0).path("ref").asInt();
                assertEquals("99", named(vars(again, 0, 0), "local").path("v").asText());
                local = "99";
            }
            agent.ok("cont", "t", stop.path("t").asLong());
            agent.event("exit");
            assertEquals(List.of("result " + local + " counter 6 point.x 7 data0 100\n"), agent.outputs("stdout"));
        }
    }
}
