package dev.dapkit.target.jvm.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadGroupReference;
import com.sun.jdi.ThreadReference;

/** JDI threads as Mockito mocks, for the tests of what the target reads of threads. */
final class MockThreads {

    private MockThreads() {
    }

    /** A thread with its id, name, group name and class name. */
    static ThreadReference thread(long uniqueId, String name, String group, String className) {
        ThreadReference thread = mock(ThreadReference.class);
        ReferenceType type = mock(ReferenceType.class);
        ThreadGroupReference threadGroup = mock(ThreadGroupReference.class);
        when(thread.uniqueID()).thenReturn(uniqueId);
        when(thread.name()).thenReturn(name);
        when(thread.referenceType()).thenReturn(type);
        when(type.name()).thenReturn(className);
        when(thread.threadGroup()).thenReturn(threadGroup);
        when(threadGroup.name()).thenReturn(group);
        return thread;
    }
}
