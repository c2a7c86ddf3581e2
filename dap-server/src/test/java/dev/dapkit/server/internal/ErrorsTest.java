package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.assertError;
import static dev.dapkit.server.internal.TestClient.errorText;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.spi.StackTracePage;
import dev.dapkit.server.spi.TargetException;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void requestsBeforeInitializeAreRefused() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            Response r = f.client.request("launch", json("{}"));
            assertError(EngineError.NOT_INITIALIZED.id(), r);
            assertEquals("'launch' arrived before 'initialize': the client must send 'initialize' first", errorText(r));
        }
    }

    @Test
    void aSecondInitializeIsRefused() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(null);
            Response r = f.client.request("initialize", json("{'adapterID': 'x'}"));
            assertError(EngineError.ALREADY_INITIALIZED.id(), r);
            assertTrue(errorText(r).contains("already received (seq 1)"), errorText(r));
        }
    }

    @Test
    void unknownCommandsGetAClearError() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(null);
            Response r = f.client.request("fooBar", null);
            assertError(EngineError.UNKNOWN_COMMAND.id(), r);
            assertEquals("unknown command 'fooBar': DAP defines no such request and target 'fake' adds none", errorText(r));
        }
    }

    @Test
    void aRequestTheTargetCannotServeIsNotSupported() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            Response evaluate = f.client.request("evaluate", json("{'expression': 'x'}"));
            assertError(EngineError.NOT_SUPPORTED.id(), evaluate);
            assertEquals("'evaluate' is not supported by target 'fake'", errorText(evaluate));
            assertTrue(TestClient.body(evaluate).path("error").path("showUser").asBoolean());

            Response gotoTargets = f.client.request("gotoTargets", json("{'source': {'path': '/a'}, 'line': 1}"));
            assertError(EngineError.NOT_SUPPORTED.id(), gotoTargets);
            assertEquals("'gotoTargets' is not supported by target 'fake'", errorText(gotoTargets));
        }
    }

    @Test
    void invalidArgumentsNameTheField() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.start("launch", null);
            Response missing = f.client.request("stackTrace", json("{'levels': 5}"));
            assertError(EngineError.INVALID_ARGUMENTS.id(), missing);
            assertTrue(errorText(missing).contains("required field 'threadId' is missing"), errorText(missing));

            Response nested = f.client.request("setBreakpoints",
                    json("{'source': {'path': '/a.py'}, 'breakpoints': [{'line': 1}, {'column': 2}]}"));
            assertError(EngineError.INVALID_ARGUMENTS.id(), nested);
            assertTrue(errorText(nested).contains("'breakpoints[1].line'"), errorText(nested));

            Response wrongType = f.client.request("stackTrace", json("{'threadId': 'one'}"));
            assertError(EngineError.INVALID_ARGUMENTS.id(), wrongType);
            assertTrue(errorText(wrongType).startsWith("invalid arguments for 'stackTrace'"), errorText(wrongType));
            assertTrue(errorText(wrongType).contains("threadId"), errorText(wrongType));
        }
    }

    @Test
    void requestsNeedingADebuggeeBeforeLaunchAreRefused() {
        try (Fixture f = Fixture.of(FakeTarget::new)) {
            f.client.initialize(null);
            Response r = f.client.request("threads", null);
            assertError(EngineError.NOT_LAUNCHED.id(), r);
            assertEquals("'threads' needs a debuggee: send 'launch' or 'attach' first", errorText(r));
        }
    }

    @Test
    void aTargetExceptionKeepsItsErrorAndReason() {
        try (Fixture f = Fixture.of(() -> new FakeTarget() {
            @Override
            public StackTracePage stackTrace(int threadId, int startFrame, int levels) throws TargetException {
                throw new TargetException(dev.dapkit.model.DapError.of(4711, "thread {t} is running",
                        java.util.Map.of("t", "7")), "notStopped", null);
            }
        })) {
            f.client.start("launch", null);
            Response r = f.client.request("stackTrace", json("{'threadId': 7}"));
            assertError(4711, r);
            assertEquals("notStopped", r.message());
            assertEquals("thread {t} is running", errorText(r));
            assertEquals("7", TestClient.body(r).path("error").path("variables").path("t").asText());
        }
    }

    @Test
    void anyOtherExceptionIsAnInternalErrorWithoutStackTrace() {
        try (Fixture f = Fixture.of(() -> new FakeTarget() {
            @Override
            public java.util.List<org.eclipse.lsp4j.debug.Thread> threads() {
                throw new IllegalStateException("the VM went away");
            }
        })) {
            f.client.start("launch", null);
            Response r = f.client.request("threads", null);
            assertError(EngineError.INTERNAL_ERROR.id(), r);
            assertEquals("internal error in target 'fake' while handling 'threads': the VM went away", errorText(r));
            assertEquals("internal error in target 'fake' while handling 'threads': the VM went away", r.message());
            String wire = r.body().toString();
            assertFalse(wire.contains("at dev.dapkit") || wire.contains("Exception"), wire);
            f.client.ok("pause", json("{'threadId': 1}"));
        }
    }
}
