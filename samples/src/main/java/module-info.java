/** The dapkit command line, embedding examples and guides. */
module dev.dapkit.samples {
    requires dev.dapkit.model;
    requires dev.dapkit.server;
    requires dev.dapkit.client;
    requires dev.dapkit.transport.tcp;
    requires dev.dapkit.transport.tls;
    requires dev.dapkit.transport.serial;
    requires dev.dapkit.target.jvm;
    requires dev.dapkit.target.micropython;
    requires dev.dapkit.testkit;
    requires info.picocli;
    requires org.slf4j;

    uses dev.dapkit.server.spi.TargetProvider;

    exports dev.dapkit.samples.embedding;
    exports dev.dapkit.samples.demo;
    // picocli fills the commands' option fields by reflection
    opens dev.dapkit.samples.cli to info.picocli;
}
