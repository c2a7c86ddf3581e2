/**
 * DAP messages, their JSON mapping and framing, and the connection SPI that every transport
 * implements.
 */
module dev.dapkit.model {
    requires transitive org.eclipse.lsp4j.debug;
    requires transitive org.eclipse.lsp4j.jsonrpc;
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.dapkit.model;
    exports dev.dapkit.model.framing;
    exports dev.dapkit.model.json;
    exports dev.dapkit.model.transport;

    uses dev.dapkit.model.transport.DapTransportProvider;

    provides dev.dapkit.model.transport.DapTransportProvider
            with dev.dapkit.model.internal.transport.StdioTransportProvider;
}
