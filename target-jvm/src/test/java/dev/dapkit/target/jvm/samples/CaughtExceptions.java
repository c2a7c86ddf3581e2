package dev.dapkit.target.jvm.samples;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Throws and catches exceptions of two kinds, one with a chain of causes, then exits normally. */
public final class CaughtExceptions {

    private CaughtExceptions() {
    }

    static void io() throws IOException {
        throw new IOException("disk on fire", new IllegalStateException("root cause")); // @THROW_IO
    }

    public static void main(String[] args) {
        try {
            Integer.parseInt("not a number"); // @PARSE
        } catch (NumberFormatException e) {
            System.out.println("caught " + e.getClass().getSimpleName());
        }
        try {
            io();
        } catch (IOException e) {
            try {
                throw new UncheckedIOException("wrapped", e); // @WRAP
            } catch (UncheckedIOException wrapped) {
                System.out.println("caught " + wrapped.getCause().getMessage());
            }
        }
        System.out.println("done");
    }
}
