package dev.dapkit.target.jvm.samples;

/** Writes and reads a field of an object and a static field, for watchpoints. */
public final class FieldWriter {

    static int hits;

    int value;

    private FieldWriter() {
    }

    public static void main(String[] args) {
        FieldWriter holder = new FieldWriter();
        holder.value = 1; // @FIRST
        for (int i = 0; i < 3; i++) {
            holder.value = holder.value * 2; // @WRITE
            hits++; // @STATIC_WRITE
        }
        System.out.println("value " + holder.value + " hits " + hits); // @READ
    }
}
