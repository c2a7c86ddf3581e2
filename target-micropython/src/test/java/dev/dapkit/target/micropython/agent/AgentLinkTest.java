package dev.dapkit.target.micropython.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The link itself against the real agent: handshake, bad input, source slices, output, term, re-attach. */
class AgentLinkTest {

    private static final String ALL = "dev.dapkit.target.micropython.agent.Interpreter#all";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void helloReportsTheFirmwareAndTheProgram(Interpreter python) throws Exception {
        python.require();
        Program program = Program.copy(dir, "stepping.py");
        try (AgentSession agent = AgentSession.launch(python, Program.copyAgent(dir.resolve("agent")), program, true)) {
            JsonNode hello = agent.hello();
            assertEquals(1, hello.path("proto").asInt());
            assertEquals(python.micropython() ? "micropython" : "cpython", hello.path("impl").asText());
            assertTrue(hello.path("version").asText().matches("\\d+\\.\\d+\\.\\d+"), hello::toString);
            assertEquals(!python.micropython(), hello.path("locals").asBoolean(), "f_locals present");
            assertTrue(hello.path("threads").asBoolean(), hello::toString);
            assertEquals(python.micropython(), hello.path("mem_free").asLong() > 0, hello::toString);
            assertEquals(program.file(), hello.path("main").asText());
            assertEquals(dir.toRealPath().toString(), Path.of(hello.path("cwd").asText()).toRealPath().toString());
            assertEquals("/", hello.path("sep").asText());
            assertEquals("1.0.0", hello.path("agent").asText());
            agent.ok("go");
            assertEquals(0, agent.event("exit").path("code").asInt());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void badLinesAreReportedAndTheAgentKeepsGoing(Interpreter python) throws Exception {
        python.require();
        Program program = Program.copy(dir, "stepping.py");
        try (AgentSession agent = AgentSession.launch(python, Program.copyAgent(dir.resolve("agent")), program, true)) {
            agent.sendRaw("this is not json");
            JsonNode complaint = agent.event("out");
            assertEquals("console", complaint.path("cat").asText());
            assertTrue(complaint.path("text").asText().startsWith("dapkit agent: ignored a bad line from the host"),
                    complaint::toString);
            agent.sendRaw("{\"c\":\"threads\"}");
            assertTrue(agent.event("out").path("text").asText().contains("ignored a bad line"));
            JsonNode unknown = agent.request("frobnicate");
            assertEquals("unknown command 'frobnicate'", unknown.path("e").asText());
            JsonNode notStopped = agent.request("stack", "t", 12345);
            assertTrue(notStopped.path("e").asText().contains("not stopped"), notStopped::toString);
            JsonNode threads = agent.ok("threads");
            assertEquals("main", threads.path("threads").path(0).path("name").asText());
            agent.ok("go");
            assertEquals(0, agent.event("exit").path("code").asInt());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void srcReadsTheDevicesFileInSlicesOfWholeCharacters(Interpreter python) throws Exception {
        python.require();
        Program program = Program.copy(dir, "stepping.py");
        Program source = Program.copy(dir, "source.py");
        byte[] bytes = Files.readAllBytes(source.path());
        int e = new String(bytes, StandardCharsets.UTF_8).indexOf('\u00e9');
        int cut = new String(bytes, StandardCharsets.UTF_8).substring(0, e).getBytes(StandardCharsets.UTF_8).length;
        try (AgentSession agent = AgentSession.launch(python, Program.copyAgent(dir.resolve("agent")), program, true)) {
            JsonNode slice = agent.ok("src", "file", source.file(), "off", 0, "len", cut + 1);
            assertEquals(cut, slice.path("n").asInt(), "a slice ending inside 'é' is cut back");
            assertEquals(new String(bytes, 0, cut, StandardCharsets.UTF_8), slice.path("text").asText());
            assertEquals(false, slice.path("eof").asBoolean());
            JsonNode rest = agent.ok("src", "file", source.file(), "off", cut, "len", 0);
            assertEquals(new String(bytes, cut, bytes.length - cut, StandardCharsets.UTF_8), rest.path("text").asText());
            assertTrue(rest.path("eof").asBoolean());
            JsonNode missing = agent.request("src", "file", dir.resolve("nope.py").toString(), "off", 0, "len", 10);
            assertTrue(missing.path("e").asText().startsWith("src failed"), missing::toString);
            agent.ok("go");
            agent.event("exit");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void printBecomesOutEvents(Interpreter python) throws Exception {
        python.require();
        Program program = Program.copy(dir, "output.py");
        try (AgentSession agent = AgentSession.launch(python, Program.copyAgent(dir.resolve("agent")), program, true)) {
            agent.ok("go");
            agent.event("exit");
            assertEquals(List.of("hello 1 2\n", "a-b!\n"), agent.outputs("stdout"));
            assertEquals(List.of("to stderr\n"), agent.outputs("stderr"));
            assertEquals("hello 1 2", agent.process().nextLine(AgentSession.TIMEOUT_SECONDS),
                    "the program's own stdout still gets its output");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void termEndsTheProgramAndClosesTheLink(Interpreter python) throws Exception {
        python.require();
        Program program = Program.copy(dir, "spin.py");
        try (AgentSession agent = AgentSession.launch(python, Program.copyAgent(dir.resolve("agent")), program, true)) {
            agent.ok("bp", "file", program.file(), "lines", List.of(java.util.Map.of("line", program.line("step"))));
            agent.ok("go");
            agent.stopped();
            agent.ok("term");
            assertTrue(agent.awaitClosed(), "the agent closes the link after term");
            int status = agent.process().awaitExit(AgentSession.TIMEOUT_SECONDS);
            assertNotEquals(-1, status, "the program ended");
            assertNotEquals(0, status, "terminated, not a clean exit");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void byeDetachesAndAnotherHostCanAttach(Interpreter python) throws Exception {
        python.require();
        Program program = Program.copy(dir, "reattach.py");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<Object> work = List.of(java.util.Map.of("line", program.line("work")));
        try (AgentProcess process = AgentProcess.start(python, Program.copyAgent(dir.resolve("agent")), dir,
                List.of(program.file(), Integer.toString(port)))) {
            assertEquals("LISTENING", process.nextLine(AgentSession.TIMEOUT_SECONDS), process::stderr);
            try (AgentSession first = AgentSession.attach(port, process)) {
                first.ok("bp", "file", program.file(), "lines", work);
                JsonNode stop = first.stopped();
                assertEquals(program.line("work"), stop.path("line").asInt());
                first.ok("bye");
                assertTrue(first.awaitClosed(), "the agent closes the link after bye");
            }
            try (AgentSession second = AgentSession.attach(port, process)) {
                assertEquals(1, second.hello().path("proto").asInt());
                second.ok("bp", "file", program.file(), "lines", work);
                JsonNode stop = second.stopped();
                assertEquals(program.line("work"), stop.path("line").asInt());
                JsonNode frames = second.ok("stack", "t", stop.path("t").asLong(), "start", 0, "levels", 1);
                assertEquals("work", frames.path("frames").path(0).path("name").asText());
                second.ok("term");
                assertTrue(second.awaitClosed());
            }
            assertNotEquals(-1, process.awaitExit(AgentSession.TIMEOUT_SECONDS), "term ended the program");
        }
    }
}
