package dev.dapkit.model.transport;

import dev.dapkit.model.DapMessage;
import java.util.function.Consumer;

/**
 * A receiver that promises to return quickly and never to block: it only records, matches or
 * queues a message for a thread of its own. Given such a receiver, a {@link DapConnection} may
 * call it on the thread that reads and decodes, even one shared with other connections (a
 * network event loop), instead of handing every message to a delivery thread first; that saves a
 * thread hand-off per message. A connection may equally ignore the promise and deliver as for any
 * receiver.
 *
 * <p>On a connection that {@linkplain DapConnection#readsOnOwnThread reads on its own thread} the
 * promise is looser: the receiver may do brief, bounded work, which delays only that connection.
 *
 * <p>Everything else of {@link DapConnection#start}'s contract holds: one call at a time, in
 * arrival order, each happening-before the next. Because there is no queue between the reader and
 * such a receiver, the memory held by messages it has taken but not yet handled is its own to
 * bound.
 */
@FunctionalInterface
public interface NonBlockingReceiver extends Consumer<DapMessage> {

    /** Wraps {@code receiver}, which must keep this type's promise. */
    static NonBlockingReceiver of(Consumer<DapMessage> receiver) {
        return receiver::accept;
    }
}
