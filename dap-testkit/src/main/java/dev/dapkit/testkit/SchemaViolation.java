package dev.dapkit.testkit;

import java.util.Objects;

/**
 * One way in which a DAP message breaks the DAP JSON schema.
 *
 * <p>An immutable value; safe to share between threads.
 *
 * @param subject the message it is about, e.g. {@code request 'stackTrace' (seq 3)}
 * @param definition the schema definition the message was checked against, e.g.
 *     {@code StackTraceRequest}
 * @param path the JSON path of the offending value, e.g. {@code $.body.stackFrames[0].line};
 *     for a missing property, the path of the object that lacks it
 * @param keyword the schema keyword that failed, e.g. {@code required}, {@code type}, {@code enum}
 * @param message what is wrong, naming the path, e.g.
 *     {@code $.arguments: required property 'source' not found}
 */
public record SchemaViolation(String subject, String definition, String path, String keyword, String message) {

    public SchemaViolation {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
    }

    /** One line: the message, the definition and what is wrong where. */
    @Override
    public String toString() {
        return subject + " does not match " + definition + ": " + message;
    }
}
