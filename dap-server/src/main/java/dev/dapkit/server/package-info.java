/**
 * The embeddable DAP server: {@link dev.dapkit.server.DapServer} hosts one
 * {@link dev.dapkit.server.DebugSession} per client connection, each driving a target made by a
 * {@link dev.dapkit.server.spi.TargetProvider}; {@link dev.dapkit.server.Lsp4jDebugServerHost}
 * hosts an existing LSP4J debug server instead.
 *
 * <p>The engine owns every protocol chore (DESIGN §3): response and event order, {@code seq},
 * handles, breakpoint ids and conditions, path mapping, cancellation, progress, bounded output,
 * reverse requests, secrets and re-attach. The errors it answers with have the ids of
 * {@link dev.dapkit.server.EngineError}.
 */
package dev.dapkit.server;
