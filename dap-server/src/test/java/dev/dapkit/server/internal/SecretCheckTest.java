package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretCheckTest {

    private final SecretCheck check = new SecretCheck("s3cret");

    @Test
    void matchesOnlyTheExactSecretAsAString() {
        assertTrue(check.matches(json("{'secret': 's3cret'}")));
        assertFalse(check.matches(json("{'secret': 's3cret '}")));
        assertFalse(check.matches(json("{'secret': 's3cre'}")));
        assertFalse(check.matches(json("{'secret': ''}")));
        assertFalse(check.matches(json("{'secret': 42}")));
        assertFalse(check.matches(json("{'secret': ['s3cret']}")));
        assertFalse(check.matches(json("{}")));
        assertFalse(check.matches(null));
    }

    @Test
    void theTargetGetsTheArgumentsWithoutTheSecret() {
        assertEquals("{\"port\":5005,\"pi\":3.14}",
                SecretCheck.withoutSecret(json("{'secret': 's3cret', 'port': 5005, 'pi': 3.14}")).toString());
    }
}
