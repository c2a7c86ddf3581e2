/**
 * DAP's wire framing: {@code Content-Length} headers around UTF-8 JSON bodies.
 *
 * <p>{@link dev.dapkit.model.framing.FrameDecoder} is the one incremental decoder every transport
 * feeds its bytes through; {@link dev.dapkit.model.framing.FrameEncoder} writes frames;
 * {@link dev.dapkit.model.framing.FrameLimits} caps what a peer can make the decoder buffer.
 */
package dev.dapkit.model.framing;
