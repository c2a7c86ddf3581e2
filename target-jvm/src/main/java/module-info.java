/** Debugs Java programs through JDI: the {@code jvm} target of dapkit's server. */
module dev.dapkit.target.jvm {
    requires dev.dapkit.server;
    requires jdk.jdi;
    requires org.slf4j;

    exports dev.dapkit.target.jvm;

    provides dev.dapkit.server.spi.TargetProvider with dev.dapkit.target.jvm.JvmTargetProvider;
}
