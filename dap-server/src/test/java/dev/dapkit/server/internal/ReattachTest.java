package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.DapServer;
import dev.dapkit.server.DebugSession;
import dev.dapkit.server.spi.ExceptionBreakpoints;
import dev.dapkit.server.spi.LineBreakpoint;
import dev.dapkit.server.spi.TargetException;
import dev.dapkit.server.spi.TargetProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionFilterOptions;
import org.eclipse.lsp4j.debug.ExceptionOptions;
import org.eclipse.lsp4j.debug.Source;
import org.junit.jupiter.api.Test;

/** ptvsd's "attach again later": one long-lived debuggee, one client after another. */
class ReattachTest {

    /** The debuggee: outlives every session, allows one attached debugger at a time. */
    static final class DebuggeeModel {
        final Map<String, List<Integer>> breakpoints = new TreeMap<>();
        List<String> exceptionFilters = List.of();
        boolean attached;
        boolean running = true;
        boolean terminated;
        int attaches;

        synchronized void attach() throws TargetException {
            if (attached) {
                throw TargetException.of(1, "a debugger is already attached");
            }
            attached = true;
            attaches++;
        }
    }

    /** A session's view of the shared debuggee. */
    static final class ModelTarget extends FakeTarget implements ExceptionBreakpoints {
        private final DebuggeeModel model;

        ModelTarget(DebuggeeModel model) {
            this.model = model;
        }

        @Override
        public void attach(RawJson arguments) throws TargetException {
            model.attach();
        }

        @Override
        public void launch(RawJson arguments) throws TargetException {
            throw TargetException.of(2, "this debuggee can only be attached to");
        }

        @Override
        public List<Breakpoint> setLineBreakpoints(Source source, List<LineBreakpoint> wanted) throws TargetException {
            synchronized (model) {
                if (wanted.isEmpty()) {
                    model.breakpoints.remove(source.getPath());
                } else {
                    model.breakpoints.put(source.getPath(), wanted.stream().map(LineBreakpoint::line).toList());
                }
            }
            return super.setLineBreakpoints(source, wanted);
        }

        @Override
        public List<ExceptionBreakpointsFilter> exceptionFilters() {
            ExceptionBreakpointsFilter raised = new ExceptionBreakpointsFilter();
            raised.setFilter("raised");
            raised.setLabel("Raised Exceptions");
            return List.of(raised);
        }

        @Override
        public List<Breakpoint> setExceptionBreakpoints(List<String> filters, List<ExceptionFilterOptions> options,
                List<ExceptionOptions> exceptionOptions) {
            synchronized (model) {
                model.exceptionFilters = List.copyOf(filters);
            }
            return List.of();
        }

        @Override
        public boolean resume(int threadId, boolean allThreads) throws TargetException {
            synchronized (model) {
                model.running = true;
            }
            return true;
        }

        void hitBreakpoint(int id) {
            synchronized (model) {
                model.running = false;
            }
            stopAtBreakpoint(id);
        }

        @Override
        public void disconnect(boolean terminateDebuggee) {
            synchronized (model) {
                model.attached = false;
                model.terminated |= terminateDebuggee;
            }
        }
    }

    @Test
    void aHundredClientsAttachOneAfterAnother() throws Exception {
        DebuggeeModel model = new DebuggeeModel();
        List<ModelTarget> targets = new ArrayList<>();
        TargetProvider provider = new TargetProvider() {
            @Override
            public String id() {
                return "model";
            }

            @Override
            public ModelTarget create(dev.dapkit.server.spi.TargetContext context) {
                ModelTarget t = new ModelTarget(model);
                t.context = context;
                synchronized (targets) {
                    targets.add(t);
                }
                return t;
            }
        };
        TestConnectionSource source = new TestConnectionSource();
        try (DapServer server = DapServer.builder().target(provider).connections(source).build().start()) {
            assertEquals(URI.create("test:source"), server.address());
            for (int i = 0; i < 100; i++) {
                TestClient client = new TestClient(source.connect());
                DebugSession session = server.sessions().get(0);
                client.initialize(null);
                int attach = client.send("attach", json("{'processId': 4711}"));
                int id = TestClient.body(client.ok("setBreakpoints", json("{'source': {'path': '/app/main.py'},"
                        + " 'breakpoints': [{'line': 3}, {'line': " + (5 + i) + "}]}"))).path("breakpoints").get(0)
                        .path("id").asInt();
                client.ok("setExceptionBreakpoints", json("{'filters': ['raised']}"));
                client.ok("configurationDone", null);
                assertTrue(client.response(attach).success(), "attach " + i + " failed");
                synchronized (model) {
                    assertEquals(Map.of("/app/main.py", List.of(3, 5 + i)), model.breakpoints);
                    assertEquals(List.of("raised"), model.exceptionFilters);
                }

                if (i % 2 == 0) {
                    ModelTarget target;
                    synchronized (targets) {
                        target = targets.get(targets.size() - 1);
                    }
                    target.hitBreakpoint(id);
                    client.event("stopped");
                    synchronized (model) {
                        assertFalse(model.running);
                    }
                }
                if (i % 3 == 0) {
                    client.close();
                } else {
                    client.ok("disconnect", null);
                    client.awaitClosed();
                }
                session.closeFuture().get(TestClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

                synchronized (model) {
                    assertTrue(model.breakpoints.isEmpty(), "breakpoints left after detach " + i + ": " + model.breakpoints);
                    assertEquals(List.of(), model.exceptionFilters);
                    assertTrue(model.running, "the debuggee was left stopped after detach " + i);
                    assertFalse(model.attached);
                    assertFalse(model.terminated, "a detach terminated the debuggee");
                }
            }
            assertEquals(100, model.attaches);
            assertTrue(server.sessions().isEmpty());
        }
        assertTrue(source.isClosed(), "the server closes its connection source");
    }
}
