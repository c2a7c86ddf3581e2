package dev.dapkit.target.jvm.samples;

import java.nio.file.Path;

/** Prints its arguments, working directory and an environment variable, writes to stderr, exits with code 3. */
public final class Echo {

    private Echo() {
    }

    public static void main(String[] args) {
        System.out.println("args " + String.join("|", args));
        System.out.println("cwd " + Path.of("").toAbsolutePath());
        System.out.println("env " + System.getenv("DAPKIT_ECHO"));
        System.out.println("prop " + System.getProperty("dapkit.echo"));
        System.err.println("to stderr");
        System.exit(3);
    }
}
