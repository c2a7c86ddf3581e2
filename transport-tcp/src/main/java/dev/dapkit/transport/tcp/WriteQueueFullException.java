package dev.dapkit.transport.tcp;

import java.io.IOException;

/**
 * A message was not sent because too many bytes of earlier messages are still waiting for the peer
 * to read them. Nothing of the message was written and the connection stays open: the caller
 * decides whether to drop the message, retry once earlier sends complete, or close a peer that
 * stopped reading.
 */
public class WriteQueueFullException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long queuedBytes;
    private final long limitBytes;

    /**
     * @param connection describes the connection, e.g. {@code tcp://127.0.0.1:4711}
     * @param queuedBytes encoded bytes of earlier messages not yet written
     * @param messageBytes the encoded size of the refused message
     * @param limitBytes the bound that would have been passed
     */
    public WriteQueueFullException(String connection, long queuedBytes, long messageBytes, long limitBytes) {
        super("message of " + messageBytes + " bytes not sent to " + connection + ": " + queuedBytes
                + " bytes of earlier messages are still waiting for the peer to read them, and the write queue"
                + " holds at most " + limitBytes + " bytes; the connection stays open");
        this.queuedBytes = queuedBytes;
        this.limitBytes = limitBytes;
    }

    /** Encoded bytes of earlier messages that were waiting when the message was refused. */
    public long queuedBytes() {
        return queuedBytes;
    }

    /** The write queue bound of the connection. */
    public long limitBytes() {
        return limitBytes;
    }
}
