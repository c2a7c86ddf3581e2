package dev.dapkit.target.jvm.samples;

import java.util.concurrent.CountDownLatch;

/** An object whose toString() never returns, for cancelling a method the debugger runs. */
public final class Stuck {

    private final CountDownLatch never = new CountDownLatch(1);

    private Stuck() {
    }

    @Override
    public String toString() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "never";
    }

    public static void main(String[] args) {
        Stuck stuck = new Stuck();
        System.out.println("made " + stuck.hashCode()); // @MADE
    }
}
