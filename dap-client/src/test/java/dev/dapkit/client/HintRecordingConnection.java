package dev.dapkit.client;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.ExpectedBodies;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.NonBlockingReceiver;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A connection that passes everything to another and notes every answer the receiver's
 * {@link ExpectedBodies} gives the decoder ({@code "7 stackTrace -> StackTraceResponse on thread"}),
 * keeping whether the receiver is a {@link NonBlockingReceiver}. Thread-safe.
 */
final class HintRecordingConnection implements DapConnection {

    private final DapConnection inner;
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private volatile ExpectedBodies hint;

    HintRecordingConnection(DapConnection inner) {
        this.inner = inner;
    }

    /** What the receiver said, in order, with the thread that asked. */
    List<String> answers() {
        return List.copyOf(answers);
    }

    /** The receiver's own hint, or null when it offers none (or before start). */
    ExpectedBodies hint() {
        return hint;
    }

    @Override
    public void start(Consumer<DapMessage> receiver) {
        if (!(receiver instanceof ExpectedBodies expected)) {
            inner.start(receiver);
            return;
        }
        hint = expected;
        inner.start(receiver instanceof NonBlockingReceiver ? new NonBlockingRecorder(receiver) : new Recorder(receiver));
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

    @Override
    public boolean readsOnOwnThread() {
        return inner.readsOnOwnThread();
    }

    private class Recorder implements Consumer<DapMessage>, ExpectedBodies {
        private final Consumer<DapMessage> receiver;

        Recorder(Consumer<DapMessage> receiver) {
            this.receiver = receiver;
        }

        @Override
        public void accept(DapMessage message) {
            receiver.accept(message);
        }

        @Override
        public Type successBody(int requestSeq, String command) {
            Type type = hint.successBody(requestSeq, command);
            answers.add(requestSeq + " " + command + " -> " + (type == null ? "null" : type.getTypeName())
                    + " on " + Thread.currentThread().getName());
            return type;
        }
    }

    private final class NonBlockingRecorder extends Recorder implements NonBlockingReceiver {
        NonBlockingRecorder(Consumer<DapMessage> receiver) {
            super(receiver);
        }
    }
}
