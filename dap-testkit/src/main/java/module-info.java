/** Conformance suites for transports and targets, scripted peers, and DAP schema validation. */
module dev.dapkit.testkit {
    requires transitive dev.dapkit.model;
    // the fake target's public types implement the target SPI
    requires transitive dev.dapkit.server;
    requires dev.dapkit.client;
    requires transitive org.junit.jupiter.api;
    // json-schema-validator 1.5.9 ships a real module-info (META-INF/versions/9) under this name
    requires com.networknt.schema;
    requires org.slf4j;

    exports dev.dapkit.testkit;
    exports dev.dapkit.testkit.transport;
    exports dev.dapkit.testkit.client;
    exports dev.dapkit.testkit.fake;
    exports dev.dapkit.testkit.target;

    provides dev.dapkit.server.spi.TargetProvider with dev.dapkit.testkit.fake.FakeTargetProvider;
}
