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

/** Steps with bdb's semantics, stop on entry, and pause of a running program. */
class AgentSteppingTest {

    private static final String ALL = "dev.dapkit.target.micropython.agent.Interpreter#all";

    @TempDir
    Path dir;

    private AgentSession launch(Interpreter python, Program program) throws Exception {
        python.require();
        return AgentSession.launch(python, Program.copyAgent(dir.resolve("agent")), program, true);
    }

    private static JsonNode step(AgentSession agent, JsonNode from, String kind) throws Exception {
        agent.ok(kind, "t", from.path("t").asLong());
        JsonNode stop = agent.stopped();
        assertEquals("step", stop.path("why").asText(), stop::toString);
        return stop;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void stepsFollowBdb(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "stepping.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("bp", "file", program.file(), "lines", List.of(Map.of("line", program.line("call-add"))));
            agent.ok("go");
            JsonNode stop = agent.stopped();
            assertEquals(program.line("call-add"), stop.path("line").asInt());
            stop = step(agent, stop, "in");
            assertEquals(program.line("add-body"), stop.path("line").asInt(), "in: the callee's first line, not its def");
            JsonNode frames = agent.frames(stop);
            assertEquals(List.of("add", "main", "<module>"),
                    List.of(frames.path(0).path("name").asText(), frames.path(1).path("name").asText(),
                            frames.path(2).path("name").asText()));
            assertEquals(program.line("call-add"), frames.path(1).path("line").asInt());
            stop = step(agent, stop, "next");
            assertEquals(program.line("add-return"), stop.path("line").asInt());
            stop = step(agent, stop, "next");
            assertEquals(program.line("after-add"), stop.path("line").asInt(), "next off the end: the caller's next line");
            stop = step(agent, stop, "next");
            assertEquals(program.line("main-return"), stop.path("line").asInt());
            stop = step(agent, stop, "out");
            assertEquals(program.line("call-main"), stop.path("line").asInt(),
                    "out: in the caller, at the line of the call (as debugpy)");
            stop = step(agent, stop, "next");
            assertEquals(program.line("end"), stop.path("line").asInt(), "next after out: the caller's next line");
            assertEquals(0, agent.continueToExit(stop));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void stepOutLandsInTheCaller(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "stepping.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("bp", "file", program.file(), "lines", List.of(Map.of("line", program.line("add-body"))));
            agent.ok("go");
            JsonNode stop = agent.stopped();
            stop = step(agent, stop, "out");
            // out stops at add's return, showing main at the line of the call, whether main is traced or not
            assertEquals(program.line("call-add"), stop.path("line").asInt());
            assertEquals("main", agent.ok("stack", "t", stop.path("t").asLong(), "start", 0, "levels", 1)
                    .path("frames").path(0).path("name").asText());
            agent.ok("bp", "file", program.file(), "lines", List.of(Map.of("line", program.line("call-add"))));
            assertEquals(0, agent.continueToExit(stop), "call-add is not reached again");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void nextOverAForHeaderAndOutOfACallInTheLoop(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "loops.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("bp", "file", program.file(), "lines", List.of(Map.of("line", program.line("call"))));
            agent.ok("go");
            JsonNode stop = agent.stopped();
            agent.ok("bp", "file", program.file(), "lines", List.of());
            for (int pass = 1; pass <= 2; pass++) {
                stop = step(agent, stop, "next");
                assertEquals(program.line("header"), stop.path("line").asInt(), "next from the call, pass " + pass);
                stop = step(agent, stop, "next");
                assertEquals(program.line("call"), stop.path("line").asInt(),
                        "next from the header goes into the body (MicroPython repeats the header's line event), pass "
                                + pass);
            }
            stop = step(agent, stop, "in");
            assertEquals(program.line("add-body"), stop.path("line").asInt());
            stop = step(agent, stop, "out");
            assertEquals(program.line("call"), stop.path("line").asInt(), "out: at the call, not at the loop's header");
            JsonNode frames = agent.frames(stop);
            assertEquals("main", frames.path(0).path("name").asText(), frames::toString);
            stop = step(agent, stop, "next");
            assertEquals(program.line("header"), stop.path("line").asInt(), "next from the call, pass 3");
            stop = step(agent, stop, "next");
            assertEquals(program.line("print"), stop.path("line").asInt(), "the loop is done after the third pass");
            assertEquals(0, agent.continueToExit(stop));
            assertEquals(List.of("total 3\n"), agent.outputs("stdout"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void aBreakpointOnAForHeaderStopsOncePerPass(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "header.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("bp", "file", program.file(), "lines", List.of(Map.of("line", program.line("header"))));
            agent.ok("go");
            List<String> counts = new ArrayList<>();
            JsonNode stop = agent.stopped();
            // the header runs once per item and once more to end the loop
            for (int hit = 1; hit <= 4; hit++) {
                assertEquals(program.line("header"), stop.path("line").asInt(), "hit " + hit);
                JsonNode top = agent.ok("stack", "t", stop.path("t").asLong(), "start", 0, "levels", 1).path("frames").path(0);
                counts.add(agent.ok("eval", "f", top.path("id").asLong(), "x", "count", "mode", "eval").path("v").asText());
                agent.ok("cont", "t", stop.path("t").asLong());
                if (hit < 4) {
                    stop = agent.stopped();
                }
            }
            assertEquals(0, agent.event("exit").path("code").asInt(), "no fifth stop: the program ran to its end");
            assertEquals(List.of("0", "1", "2", "3"), counts, "one stop per pass, each after the body ran once more");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void goWithEntryStopsAtTheProgramsFirstLine(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "stepping.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("go", "entry", true);
            JsonNode stop = agent.stopped();
            assertEquals("entry", stop.path("why").asText());
            assertEquals(program.file(), stop.path("file").asText());
            assertEquals(2, stop.path("line").asInt(), "the first statement");
            assertEquals(0, agent.continueToExit(stop));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void pauseStopsARunningLoop(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "spin.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("go");
            agent.ok("pause", "t", 0);
            JsonNode stop = agent.stopped();
            assertEquals("pause", stop.path("why").asText());
            JsonNode frames = agent.frames(stop);
            String top = frames.path(0).path("name").asText();
            assertTrue(top.equals("step") || top.equals("spin"), frames::toString);
            agent.ok("cont", "t", stop.path("t").asLong());
            agent.ok("pause", "t", 0);
            JsonNode again = agent.stopped();
            assertEquals("pause", again.path("why").asText(), "a resumed loop can be paused again");
            agent.ok("term");
            assertTrue(agent.awaitClosed());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void aSecondThreadStopsOnItsOwn(Interpreter python) throws Exception {
        Program program = Program.copy(dir, "threads.py");
        try (AgentSession agent = launch(python, program)) {
            agent.ok("bp", "file", program.file(), "lines", List.of(Map.of("line", program.line("bp"))));
            agent.ok("go");
            JsonNode stop = agent.stopped();
            long thread = stop.path("t").asLong();
            JsonNode started = agent.event("thread");
            assertEquals(thread, started.path("t").asLong());
            assertTrue(started.path("started").asBoolean());
            JsonNode threads = agent.ok("threads").path("threads");
            assertEquals(2, threads.size(), threads::toString);
            assertEquals("main", threads.path(0).path("name").asText());
            assertEquals(thread, threads.path(1).path("id").asLong());
            JsonNode frames = agent.ok("stack", "t", thread, "start", 0, "levels", 0).path("frames");
            assertEquals("inner", frames.path(0).path("name").asText());
            assertEquals("work", frames.path(1).path("name").asText());
            JsonNode main = agent.request("stack", "t", threads.path(0).path("id").asLong());
            assertTrue(main.path("e").asText().contains("not stopped"), "main keeps running: " + main);
            agent.ok("cont", "t", thread);
            if (!python.micropython()) {
                // CPython reports the end of a traced thread (MicroPython cannot see a thread's first frame return)
                JsonNode ended = agent.event("thread");
                assertEquals(thread, ended.path("t").asLong());
                assertFalse(ended.path("started").asBoolean(), ended::toString);
            }
            assertEquals(0, agent.event("exit").path("code").asInt());
            assertEquals(List.of("done [1]\n"), agent.outputs("stdout"));
        }
    }
}
