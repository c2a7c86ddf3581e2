package dev.dapkit.target.fake;

/** Test fixture: library code writing to stdout, which may be the DAP channel. */
public final class FakeTargetPrinting {

    public void report(String line) {
        System.out.println(line);
    }
}
