/** Debugs Java programs through JDI. */
module dev.dapkit.target.jvm {
    requires dev.dapkit.server;
    requires jdk.jdi;
    requires org.slf4j;
}
