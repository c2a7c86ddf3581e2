package dev.dapkit.model.internal.transport;

import static dev.dapkit.model.internal.transport.ConnectionChecks.completesNormally;
import static dev.dapkit.model.internal.transport.ConnectionChecks.failsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dapkit.model.Event;
import dev.dapkit.model.transport.ConnectionClosedException;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.InMemoryConnections;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one-connection source behind {@code stdio:} listening, fed in-memory connections here. */
class SingleConnectionSourceTest {

    private static final URI ADDRESS = URI.create("stdio:-");

    private final InMemoryConnections.Pair pair = InMemoryConnections.pair();
    private final AtomicInteger made = new AtomicInteger();
    private final SingleConnectionSource source = new SingleConnectionSource(ADDRESS, () -> {
        made.incrementAndGet();
        return pair.a();
    });

    @Test
    void handsOverOneUnstartedConnectionAndIsDoneWhenItCloses() throws Exception {
        List<DapConnection> handed = new ArrayList<>();
        source.start(handed::add);

        assertEquals(List.of(pair.a()), handed);
        assertEquals(ADDRESS, source.address());
        assertThrows(IllegalStateException.class, () -> source.start(handed::add));
        assertEquals(1, made.get());
        CompletableFuture<Void> done = source.closeFuture();
        assertFalse(done.isDone());

        pair.a().close();
        completesNormally(done);
    }

    @Test
    void closingTheSourceLeavesAHandedOverConnectionOpen() throws Exception {
        source.start(connection -> { });
        source.close();

        completesNormally(source.closeFuture());
        pair.b().start(message -> { });
        completesNormally(pair.a().send(Event.of("stillOpen", null)));
        pair.a().close();
    }

    @Test
    void aClosedSourceCannotStartAndMakesNoConnection() {
        source.close();

        assertThrows(IllegalStateException.class, () -> source.start(connection -> { }));
        assertEquals(0, made.get());
    }

    @Test
    void aHandlerThatThrowsGetsItsExceptionBackAndTheConnectionIsClosed() throws Exception {
        IllegalStateException boom = new IllegalStateException("handler bug");

        assertSame(boom, assertThrows(IllegalStateException.class, () -> source.start(connection -> {
            throw boom;
        })));
        failsWith(ConnectionClosedException.class, pair.a().send(Event.of("late", null)));
    }
}
