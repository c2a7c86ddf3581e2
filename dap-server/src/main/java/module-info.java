/**
 * The embeddable DAP server engine ({@code dev.dapkit.server}) and the target SPI that debugger
 * backends implement ({@code dev.dapkit.server.spi}).
 */
module dev.dapkit.server {
    requires transitive dev.dapkit.model;
    requires org.slf4j;

    exports dev.dapkit.server;
    exports dev.dapkit.server.spi;

    uses dev.dapkit.server.spi.TargetProvider;
}
