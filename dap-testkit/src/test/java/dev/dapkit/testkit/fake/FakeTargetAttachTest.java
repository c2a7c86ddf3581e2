package dev.dapkit.testkit.fake;

import static dev.dapkit.testkit.fake.TargetDriver.MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.TargetException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArgumentsStartMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attaching to a program that runs without a debugger, detaching, and attaching again. */
class FakeTargetAttachTest {

    private static final String COUNTER = String.join("\n",
            "count = 0",
            "for i in range(1000000):",
            "    for j in range(1000000):",
            "        count = count + 1");

    private FakeProgram program;
    private FakeTargetProvider provider;

    @BeforeEach
    void startProgram() throws FakeProgramException {
        program = FakeProgram.load(FakeSources.of(MAIN, COUNTER), MAIN).start();
        provider = new FakeTargetProvider(program);
    }

    @AfterEach
    void endProgram() {
        program.terminate();
    }

    private TargetDriver attached() throws TargetException {
        TargetDriver driver = new TargetDriver(provider);
        driver.target.attach(RawJson.parse("{}"));
        return driver;
    }

    @Test
    void detachingLeavesTheProgramRunningAndAnotherSessionAttaches() throws Exception {
        TargetDriver first = attached();
        ProcessEventArguments process = first.context.await("process", ProcessEventArguments.class, p -> true);
        assertEquals(ProcessEventArgumentsStartMethod.ATTACH, process.getStartMethod());
        assertEquals(MAIN, process.getName());
        first.breakpoints(MAIN, 4);
        assertEquals("breakpoint", first.configurationDoneAndStop().getReason());
        long before = Long.parseLong(first.evaluate(1, "count"));

        TargetException busy = assertThrows(TargetException.class, () -> attached());
        assertTrue(busy.getMessage().contains("another session"), busy.getMessage());

        first.breakpoints(MAIN);
        first.target.disconnect(false);
        assertFalse(program.exitCode().isDone(), "the program outlives the session");

        TargetDriver second = attached();
        second.breakpoints(MAIN, 4);
        second.configurationDoneAndStop();
        long after = Long.parseLong(second.evaluate(1, "count"));
        assertTrue(after > before, "it went on counting: " + before + " then " + after);
        assertEquals(1, first.context.kinds().stream().filter("stopped"::equals).count(),
                "the detached session hears nothing more");

        second.target.terminate();
        assertEquals(FakeProgram.TERMINATED_EXIT_CODE, second.context.await("exited", Integer.class, c -> true));
        second.context.await("terminated", String.class, t -> true);
        assertEquals(FakeProgram.TERMINATED_EXIT_CODE, program.exitCode().get(10, TimeUnit.SECONDS));
        TargetException ended = assertThrows(TargetException.class, () -> attached());
        assertTrue(ended.getMessage().contains("has ended"), ended.getMessage());
    }

    @Test
    void anAttachingTargetCannotLaunchAndALaunchingOneCannotAttach() {
        TargetDriver attaching = new TargetDriver(provider);
        assertThrows(TargetException.class, () -> attaching.launch(false));
        TargetDriver launching = TargetDriver.forProgram("pass");
        TargetException e = assertThrows(TargetException.class, () -> launching.target.attach(RawJson.parse("{}")));
        assertTrue(e.getMessage().contains("new FakeTargetProvider(program)"), e.getMessage());
    }
}
