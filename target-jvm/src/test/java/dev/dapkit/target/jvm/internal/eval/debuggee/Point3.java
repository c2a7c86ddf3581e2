package dev.dapkit.target.jvm.internal.eval.debuggee;

public class Point3 extends Point {
    public int z;
    public String label = "p3";

    public Point3(int x, int y, int z) {
        super(x, y);
        this.z = z;
    }

    @Override
    public int sum() {
        return super.sum() + z;
    }

    @Override
    public String describe() {
        return "Point3";
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ", " + z + ")";
    }
}
