package dev.dapkit.testkit;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one DAP message against the DAP JSON schema: valid, or the list of
 * every violation found.
 *
 * <p>An immutable value; safe to share between threads.
 *
 * @param subject the message checked, e.g. {@code event 'stopped' (seq 7)}
 * @param definition the schema definition it was checked against, e.g. {@code StoppedEvent}
 * @param violations every violation, in the order the validator found them; empty when valid
 */
public record SchemaValidationResult(String subject, String definition, List<SchemaViolation> violations) {

    public SchemaValidationResult {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(definition, "definition");
        violations = List.copyOf(violations);
    }

    /** Whether the message matches its definition. */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** The result as text: one line when valid, else a heading and one line per violation. */
    @Override
    public String toString() {
        if (isValid()) {
            return subject + " matches " + definition;
        }
        StringBuilder text = new StringBuilder()
                .append(subject).append(" does not match ").append(definition).append(" (")
                .append(violations.size()).append(violations.size() == 1 ? " violation)" : " violations)");
        for (SchemaViolation violation : violations) {
            text.append("\n  ").append(violation.message());
        }
        return text.toString();
    }
}
