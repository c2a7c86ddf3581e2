package dev.dapkit.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.client.DapClient;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.ExpectedBodies;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.NonBlockingReceiver;
import dev.dapkit.testkit.transport.ConnectionPair;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over TCP, a receiver that is also {@link ExpectedBodies} is asked on the event loop, as each
 * successful response is decoded, what its body binds to; dapkit's client is such a receiver, so a
 * typed response reaches it with its body bound while the frame was read.
 */
class ExpectedBodiesOverTcpTest {

    private static final long SECONDS = Loopback.SECONDS;

    private Loopback loopback;

    @BeforeEach
    void listen() throws Exception {
        loopback = new Loopback();
    }

    @AfterEach
    void closeAll() throws Exception {
        loopback.close();
    }

    private static StackTraceResponse trace(int frames) {
        Source source = new Source();
        source.setPath("/src/Deep.java");
        StackFrame[] all = new StackFrame[frames];
        for (int i = 0; i < frames; i++) {
            all[i] = new StackFrame();
            all[i].setId(i + 1);
            all[i].setName("Deep.descend(int)");
            all[i].setLine(10 + i % 7);
            all[i].setSource(source);
        }
        StackTraceResponse trace = new StackTraceResponse();
        trace.setStackFrames(all);
        trace.setTotalFrames(frames);
        return trace;
    }

    /** Takes messages into a queue; names StackTraceResponse for every stackTrace; notes each question. */
    private static class Receiver implements Consumer<DapMessage>, ExpectedBodies {
        final BlockingQueue<DapMessage> received = new LinkedBlockingQueue<>();
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public void accept(DapMessage message) {
            received.add(message);
        }

        @Override
        public Type successBody(int requestSeq, String command) {
            asked.add(requestSeq + " " + command + " on " + Thread.currentThread().getName());
            return command.equals("stackTrace") ? StackTraceResponse.class : null;
        }

        DapMessage next() throws InterruptedException {
            return received.poll(SECONDS, TimeUnit.SECONDS);
        }
    }

    private static final class NonBlocking extends Receiver implements NonBlockingReceiver {
    }

    private void eachSuccessfulResponseIsAskedAboutOnTheEventLoop(Receiver receiver) throws Exception {
        ConnectionPair pair = loopback.pair();
        pair.client().start(receiver);
        pair.server().start(message -> { });
        Request request = new Request(7, "stackTrace", null, Map.of());
        StackTraceResponse sent = trace(1000);
        pair.server().send(Event.of("stopped", null).withSeq(1));
        pair.server().send(Response.failure(request, "notStopped", null).withSeq(2));
        pair.server().send(Response.success(request, sent).withSeq(3));

        receiver.next();
        receiver.next();
        Response response = (Response) receiver.next();
        assertEquals(sent, response.body().bind(StackTraceResponse.class));
        assertEquals(1, receiver.asked.size(), receiver.asked.toString());
        assertTrue(receiver.asked.get(0).startsWith("7 stackTrace on dapkit-tcp-"), receiver.asked.toString());
    }

    @Test
    void aNonBlockingReceiverIsAskedOnTheEventLoop() throws Exception {
        eachSuccessfulResponseIsAskedAboutOnTheEventLoop(new NonBlocking());
    }

    @Test
    void aReceiverOnTheDeliveryThreadIsAskedOnTheEventLoopToo() throws Exception {
        eachSuccessfulResponseIsAskedAboutOnTheEventLoop(new Receiver());
    }

    @Test
    void theClientNamesTheBodyOfItsStackTraceRequestToTheDecoder() throws Exception {
        DapConnection tcp = loopback.connect();
        DapConnection adapter = loopback.accepted();
        adapter.start(message -> {
            if (message instanceof Request request && request.command().equals("stackTrace")) {
                adapter.send(Response.success(request, trace(1000)).withSeq(1));
            }
        });
        List<String> asked = new CopyOnWriteArrayList<>();
        DapClient client = DapClient.builder().connection(new AskingRecorder(tcp, asked)).connect();
        try {
            StackTraceArguments arguments = new StackTraceArguments();
            arguments.setThreadId(1);
            StackTraceResponse body = client.server().stackTrace(arguments).get(SECONDS, TimeUnit.SECONDS);

            assertEquals(trace(1000), body);
            assertEquals(1, asked.size(), asked.toString());
            assertTrue(asked.get(0).matches("\\d+ stackTrace -> org\\.eclipse\\.lsp4j\\.debug\\.StackTraceResponse "
                    + "on dapkit-tcp-.*"), asked.toString());
        } finally {
            client.close();
        }
    }

    /** Passes everything to a connection, and notes what the receiver's hint answers and on which thread. */
    private static final class AskingRecorder implements DapConnection {
        private final DapConnection inner;
        private final List<String> asked;

        AskingRecorder(DapConnection inner, List<String> asked) {
            this.inner = inner;
            this.asked = asked;
        }

        @Override
        public void start(Consumer<DapMessage> receiver) {
            if (!(receiver instanceof ExpectedBodies hint)) {
                asked.add("the receiver offers no ExpectedBodies");
                inner.start(receiver);
                return;
            }
            if (!(receiver instanceof NonBlockingReceiver)) {
                asked.add("the receiver is not a NonBlockingReceiver, but is passed on as one");
            }
            ExpectedBodies recording = (requestSeq, command) -> {
                Type type = hint.successBody(requestSeq, command);
                asked.add(requestSeq + " " + command + " -> " + (type == null ? null : type.getTypeName()) + " on "
                        + Thread.currentThread().getName());
                return type;
            };
            inner.start(new PassingNonBlocking(receiver, recording));
        }

        @Override
        public CompletableFuture<Void> send(DapMessage message) {
            return inner.send(message);
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public CompletableFuture<Void> closeFuture() {
            return inner.closeFuture();
        }

        @Override
        public String description() {
            return inner.description();
        }
    }

    /** The client on its own executor takes messages on the event loop; so does this pass-through. */
    private record PassingNonBlocking(Consumer<DapMessage> receiver, ExpectedBodies hint)
            implements NonBlockingReceiver, ExpectedBodies {

        @Override
        public void accept(DapMessage message) {
            receiver.accept(message);
        }

        @Override
        public Type successBody(int requestSeq, String command) {
            return hint.successBody(requestSeq, command);
        }
    }
}
