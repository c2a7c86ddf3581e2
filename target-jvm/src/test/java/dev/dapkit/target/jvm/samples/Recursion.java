package dev.dapkit.target.jvm.samples;

/** Recurses 1000 deep and stops there. */
public final class Recursion {

    private Recursion() {
    }

    static int down(int depth) {
        if (depth == 0) {
            return 0; // @BOTTOM
        }
        return 1 + down(depth - 1);
    }

    public static void main(String[] args) {
        System.out.println("depth " + down(999));
    }
}
