package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.assertError;
import static dev.dapkit.server.internal.TestClient.errorText;
import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.ServerOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecretTest {

    private static final ServerOptions SECRET = ServerOptions.defaults().withSecret("s3cret")
            .withSecretFailureDelay(Duration.ofMillis(300));

    @Test
    void onlyInitializeIsAnsweredBeforeTheSecret() {
        try (Fixture f = Fixture.of(FakeTarget::new, SECRET)) {
            f.client.initialize(null);
            Response threads = f.client.request("threads", null);
            assertError(EngineError.ACCESS_DENIED.id(), threads);
            assertEquals("'threads' refused: this session requires a secret; send it as \"secret\" in the 'launch' or"
                    + " 'attach' arguments", errorText(threads));
            Response breakpoints = f.client.request("setBreakpoints", json("{'source': {'path': '/a.py'}, 'lines': [1]}"));
            assertError(EngineError.ACCESS_DENIED.id(), breakpoints);
        }
    }

    @Test
    void theRightSecretLetsTheSessionInAndIsNotShownToTheTarget() {
        try (Fixture f = Fixture.of(FakeTarget::new, SECRET)) {
            f.client.start("attach", json("{'secret': 's3cret', 'port': 5005}"));
            f.client.ok("threads", null);
            FakeTarget target = f.target();
            assertFalse(target.launchArguments.tree().has("secret"), target.launchArguments.toString());
            assertEquals(5005, target.launchArguments.tree().path("port").asInt());
        }
    }

    @Test
    void aWrongSecretIsRefusedAndTheConnectionCloses() {
        try (Fixture f = Fixture.of(FakeTarget::new, SECRET)) {
            f.client.initialize(null);
            int launch = f.client.send("launch", json("{'secret': 'guess'}"));
            Response meanwhile = f.client.request("threads", null);
            assertError(EngineError.SESSION_ENDED.id(), meanwhile);
            Response refused = f.client.response(launch);
            assertError(EngineError.ACCESS_DENIED.id(), refused);
            assertEquals("'launch' refused: the secret is missing or wrong; the connection will close", errorText(refused));
            f.client.awaitClosed();
            FakeTarget target = f.target();
            assertTrue(target.calls("launch").isEmpty());
            assertTrue(target.calls("disconnect").isEmpty(), "a debuggee never reached is not disconnected");
        }
    }

    @Test
    void aMissingSecretIsRefused() {
        try (Fixture f = Fixture.of(FakeTarget::new, SECRET.withSecretFailureDelay(Duration.ZERO))) {
            f.client.initialize(null);
            assertError(EngineError.ACCESS_DENIED.id(), f.client.request("attach", json("{'port': 1}")));
            f.client.awaitClosed();
        }
    }
}
