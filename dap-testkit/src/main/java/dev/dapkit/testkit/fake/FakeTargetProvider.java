package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.DebugTarget;
import dev.dapkit.server.spi.TargetContext;
import dev.dapkit.server.spi.TargetProvider;
import java.util.Map;
import java.util.Objects;

/**
 * Makes {@link FakeTarget}s; the target id is {@code fake}. Found through {@link java.util.ServiceLoader}
 * (its no-argument constructor reads programs from the real file system), or built by a test
 * around inline sources or around a program that is already running, to attach to it.
 *
 * <p>Immutable and thread-safe.
 */
public final class FakeTargetProvider implements TargetProvider {

    /** The id users select this target by. */
    public static final String ID = "fake";

    private final FakeSources sources;
    private final FakeProgram running;

    /** Launches programs read from the file system (and from a launch's own {@code "sources"}). */
    public FakeTargetProvider() {
        this(FakeSources.fileSystem());
    }

    /** Launches programs read from {@code sources} (and from a launch's own {@code "sources"}). */
    public FakeTargetProvider(FakeSources sources) {
        this(Objects.requireNonNull(sources, "sources"), null);
    }

    /**
     * Attaches every session to {@code running}, a program started with {@link FakeProgram#start};
     * such a target cannot launch. The program outlives the sessions: one may attach after another
     * detached.
     */
    public FakeTargetProvider(FakeProgram running) {
        this(FakeSources.of(Map.of()), Objects.requireNonNull(running, "running"));
    }

    private FakeTargetProvider(FakeSources sources, FakeProgram running) {
        this.sources = sources;
        this.running = running;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DebugTarget create(TargetContext context) {
        return new FakeTarget(context, sources, running);
    }
}
