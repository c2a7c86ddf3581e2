package dev.dapkit.model.internal.transport;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dapkit.model.DapMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A receiver that keeps what it is given, and on which thread, for a test to take in order. */
final class Inbox implements Consumer<DapMessage> {

    private final BlockingQueue<DapMessage> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> threadNames = new LinkedBlockingQueue<>();

    @Override
    public void accept(DapMessage message) {
        threadNames.add(Thread.currentThread().getName());
        messages.add(message);
    }

    /** The next message, waiting up to 10 seconds for it. */
    DapMessage next() throws InterruptedException {
        DapMessage message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "no message arrived within 10 s");
        return message;
    }

    /** The thread that delivered the next message, waiting up to 10 seconds. */
    String nextThreadName() throws InterruptedException {
        String name = threadNames.poll(10, TimeUnit.SECONDS);
        assertNotNull(name, "no message arrived within 10 s");
        return name;
    }

    /** How many messages were delivered and not yet taken. */
    int size() {
        return messages.size();
    }
}
