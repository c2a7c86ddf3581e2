package dev.dapkit.target.jvm.internal.eval.debuggee;

/** Overloads whose choice the tests check against what javac picks (JLS 15.12.2). */
public class Overloads {

    public String m(int x) {
        return "m(int)";
    }

    public String m(long x) {
        return "m(long)";
    }

    public String m(Integer x) {
        return "m(Integer)";
    }

    public String m(Object x) {
        return "m(Object)";
    }

    public String m(int... xs) {
        return "m(int...) " + xs.length;
    }

    public String m(String s, Object... rest) {
        return "m(String, Object...) " + rest.length;
    }

    public String w(long x) {
        return "w(long)";
    }

    public String w(double x) {
        return "w(double)";
    }

    public String box(Object o) {
        return "box(Object) " + o.getClass().getSimpleName();
    }

    public String unbox(int x) {
        return "unbox(int) " + x;
    }

    public String amb(Integer a, Object b) {
        return "amb1";
    }

    public String amb(Object a, Integer b) {
        return "amb2";
    }

    public String sameName(String s) {
        return "String";
    }

    public String sameName(StringBuilder s) {
        return "StringBuilder";
    }

    public static String join(String separator, String... parts) {
        return String.join(separator, parts);
    }

    public static int sum(int... values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    public void thrower() {
        throw new IllegalStateException("boom");
    }

    public int nothing() {
        return 0;
    }
}
