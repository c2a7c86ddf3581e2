/** DAP over TCP, on Netty. */
module dev.dapkit.transport.tcp {
    requires transitive dev.dapkit.model;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.buffer;
    requires io.netty.common;
    requires org.slf4j;
}
