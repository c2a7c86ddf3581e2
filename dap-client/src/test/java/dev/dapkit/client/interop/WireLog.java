package dev.dapkit.client.interop;

import dev.dapkit.client.TraceEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects a client's wire trace and writes it to {@code target/interop-traces/<name>.log}, to read after a run. */
final class WireLog implements Consumer<TraceEntry> {

    private final List<TraceEntry> entries = new ArrayList<>();

    @Override
    public synchronized void accept(TraceEntry entry) {
        entries.add(entry);
    }

    synchronized List<TraceEntry> entries() {
        return List.copyOf(entries);
    }

    void write(String name) {
        Path dir = Path.of("target", "interop-traces");
        try {
            Files.createDirectories(dir);
            List<String> lines = new ArrayList<>();
            for (TraceEntry entry : entries()) {
                lines.add(entry.toString());
            }
            Files.write(dir.resolve(name + ".log"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
