/** DAP over TLS on top of the TCP transport: PEM keys, pinning, mutual TLS. */
module dev.dapkit.transport.tls {
    requires transitive dev.dapkit.transport.tcp;
    requires org.slf4j;
}
