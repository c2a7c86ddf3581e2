/**
 * The embeddable DAP client engine: {@link dev.dapkit.client.DapClient} talks to any debug
 * adapter over a {@link dev.dapkit.model.transport.DapConnection}, a transport URI, or an
 * adapter process it starts.
 */
module dev.dapkit.client {
    requires transitive dev.dapkit.model;
    requires org.slf4j;

    exports dev.dapkit.client;
}
