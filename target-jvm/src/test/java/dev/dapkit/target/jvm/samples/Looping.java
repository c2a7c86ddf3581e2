package dev.dapkit.target.jvm.samples;

/** Counts for far longer than any test runs. */
public final class Looping {

    static long count;

    private Looping() {
    }

    public static void main(String[] args) {
        while (count >= 0) {
            count = count + 1; // @LOOP_BODY
        }
    }
}
