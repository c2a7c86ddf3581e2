package dev.dapkit.target.jvm.samples;

import java.util.List;
import java.util.function.IntUnaryOperator;

/** Code in an inner class, an anonymous class, a local class and lambdas. */
public final class Nested {

    private Nested() {
    }

    final class Inner {
        int twice(int x) {
            return x * 2; // @INNER
        }
    }

    static int run() {
        Nested outer = new Nested();
        int a = outer.new Inner().twice(1);
        IntUnaryOperator anonymous = new IntUnaryOperator() {
            @Override
            public int applyAsInt(int x) {
                return x + 10; // @ANONYMOUS
            }
        };
        class Local {
            int square(int x) {
                return x * x; // @LOCAL
            }
        }
        int b = anonymous.applyAsInt(a);
        int c = new Local().square(b);
        int[] sum = {0};
        List.of(1, 2, 3).forEach(x -> sum[0] += x); // @LAMBDA
        return c + sum[0];
    }

    public static void main(String[] args) {
        System.out.println("nested " + run());
    }
}
