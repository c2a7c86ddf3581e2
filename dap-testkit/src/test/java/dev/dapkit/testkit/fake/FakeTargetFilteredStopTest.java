package dev.dapkit.testkit.fake;

import static dev.dapkit.testkit.fake.TargetDriver.CANONICAL;
import static dev.dapkit.testkit.fake.TargetDriver.MAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dapkit.server.spi.TargetException;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake target through the SPI, where the engine's breakpoint filtering meets stepping: a stop
 * names the breakpoints set where it happened whatever its reason, and {@code resumeFilteredStop}
 * carries on what the stop cut short, where {@code resume} does not.
 */
class FakeTargetFilteredStopTest {

    private static final String NESTED = String.join("\n",
            "def inner(n):",            // 1
            "    return n * 2",         // 2
            "def outer(n):",            // 3
            "    m = inner(n)",         // 4
            "    return m + 1",         // 5
            "r = outer(1)",             // 6
            "print(r)");                // 7

    private TargetDriver driver;

    @AfterEach
    void endProgram() {
        if (driver != null) {
            driver.close();
        }
    }

    private TargetDriver launch(String program, boolean stopOnEntry) throws TargetException {
        driver = TargetDriver.forProgram(program).launch(stopOnEntry);
        return driver;
    }

    @Test
    void aNextThatRunsIntoABreakpointGoesOnWhenTheStopIsResumedUnseen() throws Exception {
        TargetDriver d = launch(CANONICAL, false);
        d.breakpoints(MAIN, 6);
        d.configurationDoneAndStop();
        Breakpoint inAdd = d.breakpoints(MAIN, 2).get(0);

        StoppedEventArguments onTheWay = d.next(1);
        assertEquals("breakpoint", onTheWay.getReason());
        assertArrayEquals(new Integer[] {inAdd.getId()}, onTheWay.getHitBreakpointIds());
        assertEquals("add:2", d.where(1));

        d.target.resumeFilteredStop(1, true);
        StoppedEventArguments done = d.context.awaitStopped();
        assertEquals("step", done.getReason(), "the next completes where it would have");
        assertEquals("<module>:5", d.where(1));
        assertEquals("0", d.evaluate(1, "i"), "before the second pass, not in a later one");
    }

    @Test
    void aStepOutThatRunsIntoABreakpointGoesOnToo() throws Exception {
        TargetDriver d = launch(NESTED, false);
        d.breakpoints(MAIN, 4);
        d.configurationDoneAndStop();
        assertEquals("outer:4", d.where(1));
        d.breakpoints(MAIN, 2);

        assertEquals("breakpoint", d.stepOut(1).getReason());
        assertEquals("inner:2", d.where(1));
        d.target.resumeFilteredStop(1, true);
        assertEquals("step", d.context.awaitStopped().getReason());
        assertEquals("<module>:6", d.where(1), "stepOut stops in the caller of outer");
    }

    @Test
    void aPlainResumeEndsTheStepTheStopCutShort() throws Exception {
        TargetDriver d = launch(CANONICAL, false);
        d.breakpoints(MAIN, 6);
        d.configurationDoneAndStop();
        d.breakpoints(MAIN, 2);
        d.next(1);
        assertEquals("breakpoint", d.resumeAndStop().getReason(), "a continue runs to the next breakpoint");
        assertEquals("add:2", d.where(1));
        assertEquals("1", d.evaluate(1, "b"), "the next pass of the loop");
    }

    @Test
    void aStepThatEndsOnABreakpointsLineNamesIt() throws Exception {
        TargetDriver d = launch(CANONICAL, false);
        d.breakpoints(MAIN, 6);
        d.configurationDoneAndStop();
        java.util.List<Breakpoint> placed = d.breakpoints(MAIN, 5, 2);

        StoppedEventArguments stepIn = d.stepIn(1);
        assertEquals("step", stepIn.getReason());
        assertEquals("add:2", d.where(1));
        assertArrayEquals(new Integer[] {placed.get(1).getId()}, stepIn.getHitBreakpointIds());

        StoppedEventArguments back = d.next(1);
        assertEquals("<module>:6", d.where(1), "back in the caller, after the call");
        assertEquals(null, back.getHitBreakpointIds(), "the call's line was passed already");
        StoppedEventArguments next = d.next(1);
        assertEquals("<module>:5", d.where(1));
        assertEquals("step", next.getReason());
        assertArrayEquals(new Integer[] {placed.get(0).getId()}, next.getHitBreakpointIds());
    }

    @Test
    void stopOnEntryOnABreakpointsLineNamesIt() throws Exception {
        TargetDriver d = launch(CANONICAL, true);
        Breakpoint first = d.breakpoints(MAIN, 4).get(0);
        StoppedEventArguments entry = d.configurationDoneAndStop();
        assertEquals("entry", entry.getReason());
        assertArrayEquals(new Integer[] {first.getId()}, entry.getHitBreakpointIds());
    }

    @Test
    void aPauseAskedForDuringAStopTakesEffectOnlyIfTheStopIsResumedUnseen() throws Exception {
        TargetDriver d = launch(CANONICAL, false);
        d.breakpoints(MAIN, 6);
        d.configurationDoneAndStop();
        d.target.pause(1);
        d.target.resumeFilteredStop(1, true);
        StoppedEventArguments paused = d.context.awaitStopped();
        assertEquals("pause", paused.getReason(), "the pause was not lost");

        d.target.pause(1);
        StoppedEventArguments next = d.resumeAndStop();
        assertEquals("breakpoint", next.getReason(), "the user's continue ends a pause the stop already answered");
    }
}
