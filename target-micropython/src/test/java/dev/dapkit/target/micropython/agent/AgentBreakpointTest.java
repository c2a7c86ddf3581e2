package dev.dapkit.target.micropython.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Line breakpoints with conditions, hit counts and logpoints, exception breakpoints, and what is traced. */
class AgentBreakpointTest {

    private static final String ALL = "dev.dapkit.target.micropython.agent.Interpreter#all";

    @TempDir
    Path dir;

    private AgentSession launch(Interpreter python, Program program) throws Exception {
        python.require();
        return AgentSession.launch(python, Program.copyAgent(dir.resolve("agent")), program, true);
    }

    private static List<Map<String, Object>> at(int line, Object... keyValues) {
        Map<String, Object> breakpoint = new java.util.HashMap<>();
        breakpoint.put("line", line);
        for (int k = 0; k < keyValues.length; k += 2) {
            breakpoint.put((String) keyValues[k], keyValues[k + 1]);
        }
        return List.of(breakpoint);
    }

    private static String eval(AgentSession agent, JsonNode stop, String expression) throws Exception {
        JsonNode frame = agent.ok("stack", "t", stop.path("t").asLong(), "start", 0, "levels", 1).path("frames").path(0);
        return agent.ok("eval", "f", frame.path("id").asInt(), "x", expression).path("v").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void aBreakpointStopsAtItsLine(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "stepping.py");
        try (AgentSession agent = launch(python, program)) {
            JsonNode set = agent.ok("bp", "file", program.file(), "lines", at(program.line("add-body")));
            assertTrue(set.path("exists").asBoolean());
            assertFalse(agent.ok("bp", "file", dir.resolve("missing.py").toString(), "lines", at(1))
                    .path("exists").asBoolean(), "a file that is not on the device");
            agent.ok("go");
            JsonNode stop = agent.stopped();
            assertEquals("breakpoint", stop.path("why").asText());
            assertEquals(program.line("add-body"), stop.path("line").asInt());
            assertEquals(program.file(), stop.path("file").asText());
            assertEquals(0, agent.continueToExit(stop));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void aBreakpointInAModuleImportedLaterStopsInAFunctionOnItsFirstLine(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "late.py", "late_helper.py");
        Program helper = Program.load(dir.resolve("late_helper.py"));
        try (AgentSession agent = launch(python, program)) {
            assertTrue(agent.ok("bp", "file", helper.file(), "lines", at(helper.line("scale-body")))
                    .path("exists").asBoolean());
            agent.ok("go");
            JsonNode stop = agent.stopped();
            assertEquals("breakpoint", stop.path("why").asText());
            assertEquals(helper.file(), stop.path("file").asText());
            assertEquals(helper.line("scale-body"), stop.path("line").asInt());
            JsonNode frames = agent.frames(stop);
            assertEquals("scale", frames.path(0).path("name").asText(), frames::toString);
            assertEquals(0, agent.continueToExit(stop));
            assertEquals(List.of("scaled 40\n"), agent.outputs("stdout"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void aConditionStopsWhereItIsTrueAndReportsWhenItFails(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "loop.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("bp", "file", program.file(), "lines", at(program.line("body"), "cond", "i == 4"));
            agent.ok("go");
            JsonNode stop = agent.stopped();
            assertEquals("4", eval(agent, stop, "i"));
            assertFalse(stop.has("text"), stop::toString);
            agent.ok("bp", "file", program.file(), "lines", at(program.line("log"), "cond", "no_such_name > 1"));
            agent.ok("cont", "t", stop.path("t").asLong());
            JsonNode failed = agent.stopped();
            assertEquals(program.line("log"), failed.path("line").asInt());
            assertTrue(failed.path("text").asText().startsWith("condition failed: "), failed::toString);
            agent.ok("bp", "file", program.file(), "lines", List.of());
            assertEquals(0, agent.continueToExit(failed));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void hitConditionsCountHits(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "loop.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("bp", "file", program.file(), "lines", at(program.line("body"), "hit", "%4"));
            agent.ok("go");
            JsonNode fourth = agent.stopped();
            assertEquals("3", eval(agent, fourth, "i"), "the 4th hit");
            agent.ok("cont", "t", fourth.path("t").asLong());
            JsonNode eighth = agent.stopped();
            assertEquals("7", eval(agent, eighth, "i"), "the 8th hit");
            agent.ok("bp", "file", program.file(), "lines", at(program.line("log"), "hit", ">=2"));
            agent.ok("cont", "t", eighth.path("t").asLong());
            JsonNode ninth = agent.stopped();
            assertEquals("8", eval(agent, ninth, "i"), "hits count from when the breakpoint was set");
            agent.ok("bp", "file", program.file(), "lines", at(program.line("body"), "hit", "==1"));
            agent.ok("cont", "t", ninth.path("t").asLong());
            JsonNode once = agent.stopped();
            assertEquals("9", eval(agent, once, "i"));
            assertEquals(0, agent.continueToExit(once));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void aLogpointPrintsAndNeverStops(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "loop.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("bp", "file", program.file(), "lines",
                    at(program.line("log"), "log", "i is {i}, total {total} {no_such_name}"));
            agent.ok("go");
            assertEquals(0, agent.event("exit").path("code").asInt());
            List<String> logged = agent.outputs("console");
            assertEquals(10, logged.size(), logged::toString);
            assertTrue(logged.get(4).startsWith("i is 4, total 10 "), logged::toString);
            assertTrue(logged.get(4).contains("NameError"), "a failed part shows its error: " + logged.get(4));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void raisedExceptionsStopOncePerExceptionWhereTheyAreRaised(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "exceptions.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("exc", "raised", true, "uncaught", false);
            agent.ok("go");
            JsonNode first = agent.stopped();
            assertEquals("exception", first.path("why").asText());
            assertEquals(program.line("raise"), first.path("line").asInt());
            assertEquals("ValueError", first.path("exc").path("type").asText());
            assertEquals("caught", first.path("exc").path("msg").asText());
            assertFalse(first.path("exc").path("uncaught").asBoolean());
            agent.ok("cont", "t", first.path("t").asLong());
            JsonNode second = agent.stopped();
            assertEquals("uncaught", second.path("exc").path("msg").asText(),
                    "the first exception is not reported again on its way to the handler");
            assertEquals(program.line("raise"), second.path("line").asInt());
            agent.ok("cont", "t", second.path("t").asLong());
            assertEquals(1, agent.event("exit").path("code").asInt());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void uncaughtExceptionsStopWithTheTracebacksStack(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "exceptions.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("exc", "raised", false, "uncaught", true);
            agent.ok("go");
            JsonNode stop = agent.stopped();
            assertEquals("exception", stop.path("why").asText());
            assertTrue(stop.path("exc").path("uncaught").asBoolean());
            assertEquals("uncaught", stop.path("exc").path("msg").asText());
            assertEquals(program.line("raise"), stop.path("line").asInt());
            JsonNode frames = agent.frames(stop);
            assertEquals("boom", frames.path(0).path("name").asText(), frames::toString);
            assertEquals("<module>", frames.path(1).path("name").asText(), frames::toString);
            assertEquals(program.line("uncaught-call"), frames.path(1).path("line").asInt());
            assertEquals(2, frames.size(), "the runner's own frames are not shown: " + frames);
            JsonNode scopes = agent.ok("scopes", "f", frames.path(1).path("id").asInt()).path("scopes");
            JsonNode globals = agent.ok("vars", "ref", scopes.path(1).path("ref").asInt());
            assertTrue(globals.toString().contains("\"n\":\"caught\""), globals::toString);
            agent.ok("cont", "t", stop.path("t").asLong());
            assertEquals(1, agent.event("exit").path("code").asInt());
            String traceback = agent.stderrAtExit();
            assertTrue(traceback.contains("ValueError: uncaught"), traceback);
            assertTrue(traceback.contains(program.path().getFileName() + "\", line " + program.line("raise")), traceback);
            assertFalse(traceback.contains("dapkit_agent"), "the runner's own frame is left out: " + traceback);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void onlyFunctionsWhoseLinesHoldABreakpointAreLineTraced(Interpreter python) throws Exception {
        assertEquals("traced 0", traced(python, "helper.py", "helper", Map.of()), "breakpoint in another file");
        assertEquals("traced 0", traced(python, "calls.py", "unhit", Map.of()), "breakpoint in another function");
        assertEquals("traced 100", traced(python, "calls.py", "inc", Map.of("cond", "False")),
                "breakpoint in the called function");
    }

    private String traced(Interpreter python, String file, String marker, Map<String, Object> extra) throws Exception {
        Path run = dir.resolve(file + "-" + marker);
        Program program = Program.copy(run, "calls.py", "helper.py");
        Program target = Program.load(run.resolve(file));
        Map<String, Object> breakpoint = new java.util.HashMap<>(extra);
        breakpoint.put("line", target.line(marker));
        python.require();
        try (AgentSession agent = AgentSession.launch(python, Program.copyAgent(run.resolve("agent")), program, true)) {
            agent.ok("bp", "file", target.file(), "lines", List.of(breakpoint));
            agent.ok("go");
            assertEquals(0, agent.event("exit").path("code").asInt());
            String printed = String.join("", agent.outputs("stdout"));
            assertTrue(printed.contains("helper 7 n 100"), printed);
            return printed.substring(0, printed.indexOf(" helper"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void theTracerSurvivesAnErrorInsideItself(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "faults.py");
        try (AgentSession agent = launch(python, program)) {
            List<Map<String, Object>> breakpoints = new ArrayList<>();
            breakpoints.add(Map.of("line", program.line("bad"), "hit", 7));  // a number where text belongs
            breakpoints.add(Map.of("line", program.line("good")));
            agent.ok("bp", "file", program.file(), "lines", breakpoints);
            agent.ok("go");
            JsonNode stop = agent.stopped();
            assertEquals(program.line("good"), stop.path("line").asInt(), "the tracer still works after the error");
            List<String> complaints = agent.outputs("console");
            assertEquals(3, complaints.size(), complaints::toString);
            assertTrue(complaints.get(0).startsWith("dapkit agent: line event at " + program.file() + ":"
                    + program.line("bad") + " failed"), complaints::toString);
            assertEquals(0, agent.continueToExit(stop));
        }
    }
}
