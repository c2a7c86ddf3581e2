/** Conformance suites for transports and targets, scripted peers, and DAP schema validation. */
module dev.dapkit.testkit {
    requires transitive dev.dapkit.model;
    requires dev.dapkit.server;
    requires dev.dapkit.client;
    requires org.junit.jupiter.api;
    // json-schema-validator 1.5.9 ships a real module-info (META-INF/versions/9) under this name
    requires com.networknt.schema;
    requires org.slf4j;

    exports dev.dapkit.testkit;
}
