package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.CancelArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.junit.jupiter.api.Test;

/** A method the debugger runs in the debuggee ({@code toString()}) that never returns is cancelled by the client. */
class JvmCancellationTest {

    @Test
    void cancellingAToStringThatNeverReturnsAnswersTheRequestCancelled() throws Exception {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Stuck"), "Stuck", Samples.line("Stuck", "MADE"));
            StoppedEventArguments stop = jvm.stopped();
            Variable stuck = jvm.locals(stop.getThreadId()).get("stuck");
            Variable toString = jvm.variables(stuck.getVariablesReference()).get("toString()");
            VariablesArguments open = new VariablesArguments();
            open.setVariablesReference(toString.getVariablesReference());
            CompletableFuture<Response> pending = jvm.client.send("variables", open);
            int seq = jvm.client.wireLog().stream().filter(m -> m.message() instanceof dev.dapkit.model.Request r
                    && r.command().equals("variables")).mapToInt(m -> ((dev.dapkit.model.Request) m.message()).seq())
                    .max().orElseThrow();
            CancelArguments cancel = new CancelArguments();
            cancel.setRequestId(seq);
            jvm.request("cancel", cancel, Void.class);
            Response answered = pending.get(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
            assertFalse(answered.success(), "the request was cancelled, not answered");
            assertEquals("cancelled", answered.message());
            assertTrue(jvm.disconnect(true).success());
        }
    }

    /** Well under the invoker's own 5 s timeout: the cancel, not the timeout, ends the request. */
    private static final long CANCEL_WAIT_SECONDS = 4;
}
