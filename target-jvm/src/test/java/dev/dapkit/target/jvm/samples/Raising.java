package dev.dapkit.target.jvm.samples;

/** Dies of an exception nothing catches, which has a cause. */
public final class Raising {

    private Raising() {
    }

    static void fail(int x) {
        IllegalArgumentException cause = new IllegalArgumentException("bad input " + x);
        throw new IllegalStateException("boom " + x, cause); // @RAISE
    }

    public static void main(String[] args) {
        fail(1);
    }
}
