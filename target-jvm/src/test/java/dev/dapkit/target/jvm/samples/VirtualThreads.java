package dev.dapkit.target.jvm.samples;

import java.util.concurrent.CountDownLatch;

/**
 * On Java 21 and later, starts a virtual thread (through reflection: this source compiles for
 * Java 17) that stops at a line while the main thread waits for it.
 */
public final class VirtualThreads {

    private VirtualThreads() {
    }

    static void inVirtual(CountDownLatch done) {
        done.countDown(); // @IN_VIRTUAL
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Runnable task = () -> inVirtual(done);
        Thread thread = (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, task);
        done.await();
        thread.join();
        System.out.println("virtual done");
    }
}
