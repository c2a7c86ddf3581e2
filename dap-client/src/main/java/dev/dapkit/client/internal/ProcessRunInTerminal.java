package dev.dapkit.client.internal;

import dev.dapkit.client.RunInTerminalHandler;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.lsp4j.debug.RunInTerminalRequestArguments;
import org.eclipse.lsp4j.debug.RunInTerminalResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code runInTerminal} handler of {@link RunInTerminalHandler#startProcess(Redirect)}: starts
 * the command as a child process. Thread-safe and stateless.
 */
public final class ProcessRunInTerminal implements RunInTerminalHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunInTerminal.class);
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Redirect output;

    public ProcessRunInTerminal(Redirect output) {
        this.output = output;
    }

    @Override
    public CompletionStage<RunInTerminalResponse> runInTerminal(RunInTerminalRequestArguments arguments)
            throws IOException {
        String[] args = arguments.getArgs();
        if (args == null || args.length == 0) {
            throw new IllegalArgumentException("runInTerminal has no args: there is no command to run");
        }
        ProcessBuilder builder = new ProcessBuilder(command(args, Boolean.TRUE.equals(arguments.getArgsCanBeInterpretedByShell())));
        if (arguments.getCwd() != null && !arguments.getCwd().isEmpty()) {
            builder.directory(new File(arguments.getCwd()));
        }
        applyEnvironment(builder.environment(), arguments.getEnv());
        builder.redirectOutput(output).redirectError(output);
        Process process = builder.start();
        try {
            // The command gets no input from us; closing its standard input tells it so at once.
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("closing the standard input of process {} failed: {}", process.pid(), e.toString());
        }
        LOG.debug("runInTerminal started process {}: {}", process.pid(), builder.command());
        RunInTerminalResponse response = new RunInTerminalResponse();
        response.setProcessId((int) process.pid());
        return CompletableFuture.completedFuture(response);
    }

    private static List<String> command(String[] args, boolean throughShell) {
        if (!throughShell) {
            return Arrays.asList(args);
        }
        // The adapter has quoted what needs quoting: the arguments are one shell command line.
        String line = String.join(" ", args);
        return new ArrayList<>(WINDOWS ? List.of("cmd.exe", "/c", line) : List.of("/bin/sh", "-c", line));
    }

    /** DAP's rule: an entry adds or replaces a variable, a null value removes it. */
    private static void applyEnvironment(Map<String, String> environment, Map<String, String> changes) {
        if (changes == null) {
            return;
        }
        changes.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
    }
}
