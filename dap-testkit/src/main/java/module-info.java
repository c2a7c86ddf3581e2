/** Conformance suites for transports and targets, scripted peers, and DAP schema validation. */
module dev.dapkit.testkit {
    requires transitive dev.dapkit.model;
    requires dev.dapkit.server;
    requires dev.dapkit.client;
    requires org.junit.jupiter.api;
    requires com.networknt.schema;
    requires org.slf4j;
}
