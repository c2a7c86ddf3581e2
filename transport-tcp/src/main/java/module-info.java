/**
 * DAP over TCP, on Netty: a listening {@link dev.dapkit.model.transport.ConnectionSource}, a client
 * that retries while the peer boots, and the {@code tcp://host:port} transport provider.
 */
module dev.dapkit.transport.tcp {
    requires transitive dev.dapkit.model;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires org.slf4j;

    exports dev.dapkit.transport.tcp;

    provides dev.dapkit.model.transport.DapTransportProvider
            with dev.dapkit.transport.tcp.internal.TcpTransportProvider;
}
