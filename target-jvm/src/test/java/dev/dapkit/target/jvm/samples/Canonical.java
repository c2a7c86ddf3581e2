package dev.dapkit.target.jvm.samples;

/** The target conformance suite's canonical program, in Java; the landmarks are marked. */
public final class Canonical {

    private Canonical() {
    }

    static int add(int a, int b) { // @ADD_DEF
        int s = a + b; // @ADD_BODY
        return s; // @ADD_RETURN
    }

    public static void main(String[] args) {
        int total = 0;
        int[] items = {10, 20, 30};
        for (int i = 0; i < 5; i++) { // @LOOP
            total = add(total, i); // @CALL
        }
        System.out.println("total " + total + (items.length == 3 ? "" : "?")); // @PRINT
    }
}
