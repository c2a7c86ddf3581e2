package dev.dapkit.client.interop;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The third peer: dapkit's own server ({@code DapServer}) with the testkit's fake target, driven
 * through the client only, with the scenario of {@link DebugpyInteropTest} and
 * {@link LldbVscodeInteropTest} (breakpoint, stack, variables, evaluate, step, output, exit
 * code) over an in-memory pair and over {@code tcp://}.
 *
 * <p>Not written yet: the server engine and the fake target are being finished on another branch
 * (issue 3). When they land, this test needs dap-server and the testkit's fake target at test
 * scope; dap-testkit depends on dap-client, so the test may have to live in dap-testkit (or in
 * samples) rather than here, to keep the reactor free of cycles.
 */
class DapkitServerInteropTest {

    @Test
    @Disabled("waits for dap-server's engine and the testkit fake target (issue 3)")
    void breakpointStackVariablesEvaluateStepOutputAndExitCode() {
        fail("not written: see the class comment");
    }
}
