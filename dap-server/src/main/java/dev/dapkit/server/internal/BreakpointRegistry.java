package dev.dapkit.server.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Source;

/**
 * Every breakpoint of a session: the DAP ids the engine issued, what the client asked for, what
 * the target last said about it (verified, moved, message), and the hit count the engine keeps.
 *
 * <p>Ids start at 1 and are shared by all kinds. A breakpoint keeps its id when the client sends
 * the same one again (VS Code re-sends a file's whole list whenever one of them changes): same
 * source and line (and column) for line breakpoints, same name for function breakpoints, same
 * data id and access for data breakpoints, same filter for exception breakpoints.
 *
 * <p>Thread-safe: changed on the session thread, read by event translation.
 */
final class BreakpointRegistry {

    /** The kinds of breakpoint, and the key that keeps an id stable within each. */
    enum Kind { LINE, FUNCTION, DATA, EXCEPTION, TARGET }

    /**
     * What the client asked for one breakpoint.
     *
     * @param key what keeps the id stable (e.g. the line and column)
     * @param rule the condition, hit condition and logpoint message
     * @param line the requested 1-based line, or null for breakpoints without one
     * @param column the requested 1-based column, or null
     * @param request the client's own description ({@code SourceBreakpoint}, {@code FunctionBreakpoint},
     *     {@code DataBreakpoint}), or null
     */
    record Spec(String key, BreakpointRule rule, Integer line, Integer column, Object request) {
    }

    /** One breakpoint. Mutable state (hits, last report) is guarded by the registry. */
    static final class Entry {
        final int id;
        final Kind kind;
        final String group;
        final Source clientSource;
        final Source targetSource;
        final Spec spec;
        private int hits;
        private Breakpoint reported;

        Entry(int id, Kind kind, String group, Source clientSource, Source targetSource, Spec spec) {
            this.id = id;
            this.kind = kind;
            this.group = group;
            this.clientSource = clientSource;
            this.targetSource = targetSource;
            this.spec = spec;
        }

        BreakpointRule rule() {
            return spec.rule();
        }
    }

    private int nextId = 1;
    private final Map<Integer, Entry> byId = new HashMap<>();
    /** Group (a source key, or the kind's name) to its entries in client order. */
    private final Map<String, List<Entry>> groups = new LinkedHashMap<>();

    /**
     * Replaces the breakpoints of one group (a source, or all function/data/exception breakpoints),
     * reusing the id of an entry with the same key.
     *
     * @param clientSource the source as the client named it, for line breakpoints; else null
     * @param targetSource the same source as the target knows it; else null
     * @param specs what the client asked for, in its order
     * @return the entries, in the client's order
     */
    synchronized List<Entry> replace(Kind kind, String group, Source clientSource, Source targetSource,
            List<Spec> specs) {
        Map<String, List<Entry>> old = new HashMap<>();
        for (Entry e : groups.getOrDefault(group, List.of())) {
            old.computeIfAbsent(e.spec.key(), k -> new ArrayList<>()).add(e);
        }
        List<Entry> fresh = new ArrayList<>();
        for (Spec spec : specs) {
            List<Entry> same = old.get(spec.key());
            Entry previous = same == null || same.isEmpty() ? null : same.remove(0);
            int id = previous != null ? previous.id : nextId++;
            Entry entry = new Entry(id, kind, group, clientSource, targetSource, spec);
            if (previous != null) {
                entry.reported = previous.reported;
                if (Objects.equals(previous.spec.rule(), spec.rule())) {
                    entry.hits = previous.hits;
                }
            }
            fresh.add(entry);
        }
        for (List<Entry> gone : old.values()) {
            gone.forEach(e -> byId.remove(e.id));
        }
        fresh.forEach(e -> byId.put(e.id, e));
        if (fresh.isEmpty()) {
            groups.remove(group);
        } else {
            groups.put(group, fresh);
        }
        return List.copyOf(fresh);
    }

    /** A breakpoint the target created on its own; it gets a new id. */
    synchronized Entry addFromTarget(Source targetSource) {
        Entry entry = new Entry(nextId++, Kind.TARGET, "target", null, targetSource,
                new Spec("target", BreakpointRule.PLAIN, null, null, null));
        byId.put(entry.id, entry);
        groups.computeIfAbsent("target", g -> new ArrayList<>()).add(entry);
        return entry;
    }

    /** Forgets one breakpoint (the target removed it); returns it, or null when unknown. */
    synchronized Entry remove(int id) {
        Entry entry = byId.remove(id);
        if (entry != null) {
            List<Entry> group = groups.get(entry.group);
            if (group != null) {
                group.remove(entry);
                if (group.isEmpty()) {
                    groups.remove(entry.group);
                }
            }
        }
        return entry;
    }

    /** The entries of a group, in client order; empty when it has none. */
    synchronized List<Entry> group(String group) {
        return List.copyOf(groups.getOrDefault(group, List.of()));
    }

    /** The groups that hold breakpoints now. */
    synchronized Collection<String> groupNames() {
        return List.copyOf(groups.keySet());
    }

    synchronized Entry byId(int id) {
        return byId.get(id);
    }

    /** Forgets every breakpoint (after a detach); ids keep counting. */
    synchronized void clear() {
        byId.clear();
        groups.clear();
    }

    /** Counts a hit whose condition held and returns the new count. */
    synchronized int countHit(Entry entry) {
        return ++entry.hits;
    }

    synchronized int hits(Entry entry) {
        return entry.hits;
    }

    /**
     * Stores what the target said about a breakpoint.
     *
     * @return whether it differs from what was known before (so the client should hear of it)
     */
    synchronized boolean report(Entry entry, Breakpoint state) {
        boolean changed = !sameState(entry.reported, state);
        entry.reported = state;
        return changed;
    }

    /** What the target last said, or null when it has said nothing yet. */
    synchronized Breakpoint reported(Entry entry) {
        return entry.reported;
    }

    private static boolean sameState(Breakpoint a, Breakpoint b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.isVerified() == b.isVerified() && Objects.equals(a.getMessage(), b.getMessage())
                && Objects.equals(a.getLine(), b.getLine()) && Objects.equals(a.getColumn(), b.getColumn())
                && Objects.equals(a.getEndLine(), b.getEndLine()) && Objects.equals(a.getEndColumn(), b.getEndColumn())
                && Objects.equals(a.getReason(), b.getReason());
    }
}
