package dev.dapkit.target.jvm.samples;

/** Its main thread starts a worker and waits for it. */
public final class Threads {

    private Threads() {
    }

    static int work(int n) {
        int done = 0;
        for (int k = 0; k < n; k++) {
            done = done + k; // @WORKER
        }
        return done;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> work(3), "worker");
        worker.start();
        worker.join();
    }
}
