package dev.dapkit.target.jvm.samples;

/** Adds up 0..4 and prints the sum, so that a test can watch a local change from stop to stop. */
public final class Summing {

    private Summing() {
    }

    public static void main(String[] args) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += i; // @ADD
        }
        System.out.println("sum " + sum);
    }
}
