package dev.dapkit.target.jvm.internal.eval.debuggee;

public class Point {
    public static int created;
    public int x;
    public int y;
    public String label = "p";

    public Point(int x, int y) {
        this.x = x;
        this.y = y;
        created++;
    }

    public Point() {
        this(0, 0);
    }

    public static Point origin() {
        return new Point();
    }

    public int sum() {
        return x + y;
    }

    public double distanceTo(Point other) {
        int dx = x - other.x;
        int dy = y - other.y;
        return Math.sqrt(dx * dx + dy * dy);
    }

    public void move(int dx, int dy) {
        x += dx;
        y += dy;
    }

    public String describe() {
        return "Point";
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
