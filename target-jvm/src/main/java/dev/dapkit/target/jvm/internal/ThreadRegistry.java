package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ThreadGroupReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The DAP ids of the debuggee's threads: small integers handed out in the order threads are first
 * seen (the main thread is usually 1), stable while a thread lives. JDI's own ids are longs that
 * DAP's integers cannot always hold.
 *
 * <p>Thread-safe: the event thread registers thread starts and deaths while requests look threads up.
 */
final class ThreadRegistry {

    private final VirtualMachine vm;
    private final Map<Long, Integer> idsByUniqueId = new HashMap<>();
    private final Map<Integer, ThreadReference> threadsById = new HashMap<>();
    /** For threads of the system group: whether each is a frameless service thread, by unique id. */
    private final Map<Long, Boolean> serviceVerdicts = new ConcurrentHashMap<>();
    private final ThreadNames names = new ThreadNames();
    private int nextId = 1;

    ThreadRegistry(VirtualMachine vm) {
        this.vm = vm;
    }

    /** The DAP id of a thread, issued now if the thread is new. */
    synchronized int idOf(ThreadReference thread) {
        Integer id = idsByUniqueId.get(thread.uniqueID());
        if (id == null) {
            id = nextId++;
            idsByUniqueId.put(thread.uniqueID(), id);
            threadsById.put(id, thread);
        }
        return id;
    }

    /** The thread of a DAP id, or null when it is unknown or has ended. */
    synchronized ThreadReference thread(int id) {
        return threadsById.get(id);
    }

    /** Forgets an ended thread; returns the id it had, or 0 when it had none. */
    synchronized int forget(ThreadReference thread) {
        serviceVerdicts.remove(thread.uniqueID());
        names.forget(thread.uniqueID());
        Integer id = idsByUniqueId.remove(thread.uniqueID());
        if (id == null) {
            return 0;
        }
        threadsById.remove(id);
        return id;
    }

    /** Every live thread with its id, in id order (the main thread first). */
    List<Map.Entry<Integer, ThreadReference>> all() {
        java.util.Set<Long> before;
        synchronized (this) {
            before = new java.util.HashSet<>(idsByUniqueId.keySet());
        }
        List<ThreadReference> live = vm.allThreads();
        List<Map.Entry<Integer, ThreadReference>> out = new ArrayList<>();
        synchronized (this) {
            java.util.Set<Long> alive = new java.util.HashSet<>();
            for (ThreadReference thread : live) {
                alive.add(thread.uniqueID());
                out.add(Map.entry(idOf(thread), thread));
            }
            // a thread whose death event was missed (before an attach, say) must not be listed
            // forever; one registered while the list was read is not known dead
            before.removeAll(alive);
            for (Long gone : before) {
                serviceVerdicts.remove(gone);
                names.forget(gone);
                Integer id = idsByUniqueId.remove(gone);
                if (id != null) {
                    threadsById.remove(id);
                }
            }
        }
        out.sort(Map.Entry.comparingByKey());
        return out;
    }

    /**
     * The threads a user sees, in id order: every live thread but the JVM's frameless service
     * threads, with the name shown for it ({@link ThreadNames}). A name costs a JDWP round trip, and
     * so does the list of live threads: the names of the threads known already are asked for through
     * {@code nameReaders} while this thread asks for the list, then those of new threads, so that
     * all the round trips overlap.
     */
    List<ListedThread> listed(Executor nameReaders) {
        return joined(listing(nameReaders));
    }

    /**
     * As {@link #listed}, but returns once the list of live threads is read, with the names still
     * on their way: the list completes when the last name arrives.
     */
    CompletableFuture<List<ListedThread>> listing(Executor nameReaders) {
        Map<Long, CompletableFuture<String>> shown = new HashMap<>();
        for (ThreadReference known : known()) {
            if (!Boolean.TRUE.equals(serviceVerdicts.get(known.uniqueID()))) {
                // a thread that ended meanwhile fails here, unlisted and unasked
                shown.put(known.uniqueID(), names.shown(known, nameReaders));
            }
        }
        List<Integer> ids = new ArrayList<>();
        List<CompletableFuture<String>> shownNames = new ArrayList<>();
        for (Map.Entry<Integer, ThreadReference> entry : all()) {
            ThreadReference thread = entry.getValue();
            if (!isFramelessService(thread)) {
                ids.add(entry.getKey());
                shownNames.add(shown.computeIfAbsent(thread.uniqueID(), id -> names.shown(thread, nameReaders)));
            }
        }
        return CompletableFuture.allOf(shownNames.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ListedThread> out = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                out.add(new ListedThread(ids.get(i), shownNames.get(i).join()));
            }
            return List.copyOf(out);
        });
    }

    private synchronized List<ThreadReference> known() {
        return new ArrayList<>(threadsById.values());
    }

    /** The list, or what reading a name threw (a lost connection, say), as if read on this thread. */
    private static List<ListedThread> joined(CompletableFuture<List<ListedThread>> list) {
        try {
            return list.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A thread as the {@code threads} request lists it. */
    record ListedThread(int id, String name) {
    }

    /**
     * Whether a thread is one of the JVM's own service threads that never run Java code (the
     * signal dispatcher, the attach listener, the notification thread): in the {@code system}
     * group, suspended, without a single Java frame. Such threads are not listed.
     *
     * <p>A thread of the {@code system} group is judged once (JDI caches the group and its name,
     * not the frame count): asking each time cost two JDWP round trips per service thread on every
     * {@code threads} request, a fifth of a screen refresh in the JVM target benchmark. A verdict
     * errs towards listing: a thread judged a service thread is listed from the moment it stops
     * in Java code ({@link #stoppedInJava}), and one seen with Java frames stays listed.
     */
    boolean isFramelessService(ThreadReference thread) {
        Boolean known = serviceVerdicts.get(thread.uniqueID());
        if (known != null) {
            return known;
        }
        try {
            ThreadGroupReference group = thread.threadGroup();
            if (group == null || !"system".equals(group.name())) {
                return false;
            }
            // JDI refuses the frame count of a thread that is not suspended: then it cannot be told
            boolean frameless = thread.frameCount() == 0;
            serviceVerdicts.put(thread.uniqueID(), frameless);
            return frameless;
        } catch (com.sun.jdi.IncompatibleThreadStateException | ObjectCollectedException e) {
            return false;
        }
    }

    /** A thread stopped in Java code (a breakpoint, a step): it is listed from now on. */
    void stoppedInJava(ThreadReference thread) {
        serviceVerdicts.put(thread.uniqueID(), false);
    }
}
