package dev.dapkit.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code dapkit} command line: {@code serve} (a DAP server for editors, on a port or on
 * standard streams) and {@code demo} (dapkit's client debugging a bundled program through
 * dapkit's server). The repository's {@code ./dapkit} script builds and runs it.
 *
 * <p>A failure is one line on standard error ({@code dapkit serve: cannot listen at ...}) and a
 * non-zero exit: 2 for bad usage, 1 for a command that ran and failed; {@code --verbose} adds the
 * stack trace and debug logging.
 *
 * <p>Not thread-safe: one command line per instance, run once.
 */
@Command(name = "dapkit",
        description = "Debug Adapter Protocol tools: a DAP server for editors, and a guided demo.",
        subcommands = {ServeCommand.class, DemoCommand.class},
        synopsisSubcommandLabel = "(serve | demo)")
public final class DapkitCommand implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "show this help")
    boolean help;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "log at debug level and show the stack trace of a failure")
    boolean verbose;

    @Option(names = "--log-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "write the log to FILE instead of standard error")
    Path logFile;

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        LogSettings.applyDefaults();
        System.exit(commandLine().execute(args));
    }

    /** The command line, writing to standard output and error. */
    static CommandLine commandLine() {
        DapkitCommand root = new DapkitCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setExecutionStrategy(parseResult -> {
            // after parsing and before any command runs, so the first logger sees the settings
            if (root.logFile != null) {
                LogSettings.toFile(root.logFile);
            }
            if (root.verbose) {
                LogSettings.verbose();
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                    + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            PrintWriter err = failed.getErr();
            err.println(failed.getCommandSpec().qualifiedName() + ": " + describe(e));
            if (root.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof CommandFailure failure ? failure.exitCode() : CommandFailure.FAILED;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: serve or demo");
    }

    /** A failure as one line: our own messages as they are, anything else with its type. */
    private static String describe(Exception e) {
        if (e instanceof CommandFailure) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage() + " (" + e.getClass().getSimpleName() + ")";
    }
}
