package dev.dapkit.target.jvm.internal;

import com.sun.jdi.ObjectCollectedException;
import com.sun.jdi.ThreadGroupReference;
import com.sun.jdi.ThreadReference;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The name shown for each thread: its own, with its group when that is not {@code main}, and
 * marked {@code virtual} for a virtual thread (whose name is often empty).
 *
 * <p>A name costs a JDWP round trip, and a program may rename its threads at any time, so a
 * thread's name is read again at every listing; but the JVM's own threads, those of the
 * {@code system} group and of the JDK's {@code InnocuousThreadGroup} (Reference Handler,
 * Finalizer, Common-Cleaner...), are named by the JDK when it starts them and never renamed: their
 * name is read once. A typical program then costs one name per thread of its own at each stop
 * instead of four or five more.
 *
 * <p>Thread-safe.
 */
final class ThreadNames {

    private static final String VIRTUAL_THREAD_CLASS = "java.lang.VirtualThread";
    /** The groups of threads the JVM and the JDK start for themselves. */
    private static final Set<String> JVM_GROUPS = Set.of("system", "InnocuousThreadGroup");

    /** The shown names of the JVM's own threads, by unique id. */
    private final Map<Long, String> jvmOwn = new ConcurrentHashMap<>();

    /** The shown name of {@code thread}: known already, or read through {@code readers}. */
    CompletableFuture<String> shown(ThreadReference thread, Executor readers) {
        String known = jvmOwn.get(thread.uniqueID());
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return CompletableFuture.supplyAsync(() -> read(thread), readers);
    }

    /** Forgets the name of an ended thread. */
    void forget(long uniqueId) {
        jvmOwn.remove(uniqueId);
    }

    private String read(ThreadReference thread) {
        try {
            String name = thread.name();
            if (isVirtual(thread)) {
                return (name == null || name.isEmpty() ? "virtual thread #" + thread.uniqueID() : name) + " [virtual]";
            }
            // JDI asks for a thread's group once: it cannot change
            ThreadGroupReference group = thread.threadGroup();
            String groupName = group == null ? null : group.name();
            if (groupName == null || groupName.equals("main")) {
                return name;
            }
            String shown = name + " [" + groupName + "]";
            if (JVM_GROUPS.contains(groupName)) {
                jvmOwn.put(thread.uniqueID(), shown);
            }
            return shown;
        } catch (ObjectCollectedException e) {
            return "thread #" + thread.uniqueID() + " (ended)";
        }
    }

    /** Whether a thread is a virtual thread (JDK 21+ debuggees), known by its class: JDI of JDK 17 cannot ask. */
    private static boolean isVirtual(ThreadReference thread) {
        return thread.referenceType().name().equals(VIRTUAL_THREAD_CLASS);
    }
}
