/**
 * DAP over TCP, on Netty: {@link dev.dapkit.transport.tcp.TcpServerTransport} listens and yields a
 * connection per accepted socket, {@link dev.dapkit.transport.tcp.TcpClientTransport} connects
 * (retrying with {@link dev.dapkit.transport.tcp.ConnectRetry} while a board boots). Both give
 * {@link dev.dapkit.model.transport.DapConnection}s. The module also serves {@code tcp://host:port}
 * addresses to {@link dev.dapkit.model.transport.DapTransports}.
 */
package dev.dapkit.transport.tcp;
