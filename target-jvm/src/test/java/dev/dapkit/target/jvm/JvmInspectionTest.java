package dev.dapkit.target.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dapkit.model.Response;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.LoadedSourcesResponse;
import org.eclipse.lsp4j.debug.Module;
import org.eclipse.lsp4j.debug.ModulesArguments;
import org.eclipse.lsp4j.debug.ModulesResponse;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceArguments;
import org.eclipse.lsp4j.debug.SourceResponse;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.Test;

/** Sources of classes without files, loaded sources, modules, and one thread running while the others stay stopped. */
class JvmInspectionTest {

    @Test
    void aJdkFrameHasASourceReferenceWhoseTextSaysWhatTheJvmKnows() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Nested"), "Nested", Samples.line("Nested", "LAMBDA"));
            StoppedEventArguments stop = jvm.stopped();
            jvm.setBreakpoints(Samples.path("Nested"));
            stop = jvm.stepIn(stop.getThreadId());
            StackFrame jdk = Arrays.stream(jvm.stack(stop.getThreadId())).filter(f -> f.getName().contains("forEach"))
                    .findFirst().orElseThrow();
            Source source = jdk.getSource();
            assertNotNull(source.getSourceReference(), "a JDK class has no file here: " + source);
            assertTrue(source.getSourceReference() > 0);
            SourceArguments arguments = new SourceArguments();
            arguments.setSource(source);
            arguments.setSourceReference(source.getSourceReference());
            SourceResponse text = jvm.request("source", arguments, SourceResponse.class);
            assertTrue(text.getContent().contains("is not on this machine") && text.getContent().contains("forEach("),
                    text.getContent());
        }
    }

    @Test
    void loadedSourcesAndModulesListWhatTheJvmLoaded() {
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.launch(Samples.launch("Canonical"), "Canonical", Samples.line("Canonical", "CALL"));
            jvm.stopped();
            List<String> sources = Arrays.stream(jvm.request("loadedSources", null, LoadedSourcesResponse.class)
                    .getSources()).map(Source::getPath).toList();
            assertTrue(sources.contains(Samples.path("Canonical")), sources.toString());
            ModulesArguments page = new ModulesArguments();
            page.setStartModule(0);
            page.setModuleCount(1000);
            ModulesResponse modules = jvm.request("modules", page, ModulesResponse.class);
            List<String> names = Arrays.stream(modules.getModules()).map(Module::getName).toList();
            assertTrue(names.contains("java.base"), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("unnamed module of")), "the class path's unnamed module");
            page.setStartModule(1);
            page.setModuleCount(2);
            ModulesResponse second = jvm.request("modules", page, ModulesResponse.class);
            assertEquals(2, second.getModules().length);
            assertEquals(modules.getModules()[1].getId(), second.getModules()[0].getId(), "pages are stable");
        }
    }

    @Test
    void aSingleThreadContinueLeavesTheOtherThreadsStoppedAndAFullContinueResumesThemAll() {
        int worker = Samples.line("Threads", "WORKER");
        try (ServedJvm jvm = ServedJvm.open()) {
            assertTrue(jvm.initialize(false).getSupportsSingleThreadExecutionRequests());
            jvm.launch(Samples.launch("Threads"), "Threads", worker);
            StoppedEventArguments first = jvm.stopped();
            ContinueArguments one = new ContinueArguments();
            one.setThreadId(first.getThreadId());
            one.setSingleThread(true);
            ContinueResponse response = jvm.request("continue", one, ContinueResponse.class);
            assertFalse(response.getAllThreadsContinued(), "only the worker runs");
            StoppedEventArguments second = jvm.stopped();
            assertEquals(first.getThreadId(), second.getThreadId(), "the worker's next pass");
            assertEquals("1", jvm.locals(second.getThreadId()).get("k").getValue());
            jvm.setBreakpoints(Samples.path("Threads"));
            jvm.resume(second.getThreadId());
            assertEquals(0, jvm.awaitExit(), "every thread ran on to the end: no suspension was left behind");
        }
    }
    @Test
    void aStepOnAThreadThatWasContinuedAloneIsRefusedAsNotStopped() {
        int worker = Samples.line("Threads", "WORKER");
        try (ServedJvm jvm = ServedJvm.open()) {
            jvm.initialize(false);
            jvm.launch(Samples.launch("Threads"), "Threads", worker);
            StoppedEventArguments stop = jvm.stopped();
            ThreadsResponse threads = jvm.request("threads", null, ThreadsResponse.class);
            int main = Arrays.stream(threads.getThreads()).filter(t -> t.getName().equals("main"))
                    .findFirst().orElseThrow(() -> new AssertionError("no main thread in " + threads)).getId();
            ContinueArguments alone = new ContinueArguments();
            alone.setThreadId(main);
            alone.setSingleThread(true);
            jvm.request("continue", alone, ContinueResponse.class);
            NextArguments next = new NextArguments();
            next.setThreadId(main);
            Response refused = jvm.requestResponse("next", next);
            assertFalse(refused.success(), "a step on a running thread: " + refused);
            assertTrue(String.valueOf(refused.body()).contains("but it is running"), refused.toString());
            jvm.setBreakpoints(Samples.path("Threads"));
            jvm.resume(stop.getThreadId());
            assertEquals(0, jvm.awaitExit());
        }
    }
}
