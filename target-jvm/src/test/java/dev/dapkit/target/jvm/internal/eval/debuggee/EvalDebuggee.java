package dev.dapkit.target.jvm.internal.eval.debuggee;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program the evaluator tests debug. {@link #stop()} is where the test's breakpoint is:
 * frame 1 is then {@link #run()} with locals of every kind, frame 2 is the static
 * {@link #main(String[])}.
 */
public class EvalDebuggee {

    static int staticCounter = 7;
    static final String GREETING = "hello";
    static String nullString;
    static volatile boolean releaseSlow;
    static long[] longs = {1L, 2L};

    int instanceField = 42;
    String name = "debuggee";
    private final int secret = 99;

    /** A static nested class, found by its simple name from inside this class. */
    public static class Inner {
        public static int innerStatic = 11;

        public static String hello() {
            return "inner hello";
        }
    }

    public enum Color { RED, GREEN }

    public static void main(String[] args) {
        new EvalDebuggee().run(args.length);
    }

    @SuppressWarnings({"unused", "UnnecessaryBoxing"})
    void run(int argCount) {
        boolean flag = true;
        byte b = 10;
        short s = 300;
        char c = 'x';
        int i = 5;
        long l = 1234567890123L;
        float f = 2.5f;
        double d = 0.1;
        String str = "text";
        String empty = "";
        String none = null;
        String tricky = "tab\tquote\"nl\n";
        int[] ints = {1, 2, 3};
        String[] strings = {"a", null, "c"};
        int[][] grid = {{1, 2}, {3, 4}};
        Object[] objects = {1, "two"};
        List<String> list = new ArrayList<>(List.of("x", "y"));
        Map<String, Integer> map = new HashMap<>();
        map.put("one", 1);
        Point point = new Point(3, 4);
        Point3 point3 = new Point3(1, 2, 3);
        Point asPoint = point3;
        Object obj = point;
        Object objString = "as object";
        Integer boxed = 127;
        Integer bigBoxed = 1000;
        Integer nullBoxed = null;
        Long boxedLong = 5L;
        Character boxedChar = 'q';
        Boolean boxedFlag = Boolean.TRUE;
        Double boxedDouble = 1.5;
        Overloads over = new Overloads();
        Color color = Color.GREEN;
        int innerValue = Inner.innerStatic;
        Runnable anonymous = new Runnable() {
            @Override
            public void run() {
                stop();
            }
        };
        int mutable = 1;
        byte mutableByte = 1;
        long mutableLong = 1;
        Integer mutableBoxed = 1;
        String mutableText = "";
        int[] mutableArray = {0, 0};
        Point mutablePoint = new Point(0, 0);
        stop();
        consume(mutable, mutableByte, mutableLong, mutableBoxed, mutableText, mutableArray, mutablePoint);
        consume(flag, b, s, c, i, l, f, d, str, empty, none, tricky, ints, strings, grid, objects, list, map,
                point, point3, asPoint, obj, objString, boxed, bigBoxed, nullBoxed, boxedLong, boxedChar, boxedFlag,
                boxedDouble, over, color, innerValue, anonymous);
        new Helper().work(str);
    }

    /** An inner class: its frames see the enclosing instance through {@code this$0}. */
    class Helper {
        int helperField = 8;

        void work(String text) {
            int local = text.length();
            stopInner();
            consume(local);
        }

        int helperTwice(int x) {
            return 2 * x;
        }
    }

    static void stopInner() {
        // The nested-scope test's breakpoint.
    }

    static void stop() {
        // The test's breakpoint.
    }

    static void consume(Object... values) {
        // Keeps the locals alive and used.
    }

    int twice(int x) {
        return 2 * x;
    }

    static int square(int x) {
        return x * x;
    }

    static int slow() throws InterruptedException {
        while (!releaseSlow) {
            Thread.sleep(5);
        }
        return 1;
    }
}
