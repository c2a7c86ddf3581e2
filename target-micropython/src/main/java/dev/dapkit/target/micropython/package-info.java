/**
 * The {@code micropython} target: debugs MicroPython programs (and CPython ones) behind dapkit's
 * server, through a small {@code sys.settrace} agent that runs beside the program.
 *
 * <p>{@link dev.dapkit.target.micropython.MicroPythonTargetProvider} makes the targets (found by
 * {@link java.util.ServiceLoader} under the id {@code micropython}). A session either attaches to an
 * agent, configured by {@link dev.dapkit.target.micropython.MicroPythonAttachConfiguration} (the
 * {@code connect}/{@code pathMappings} form VS Code users write for debugpy, or {@code listen} for
 * agents that dial in), or launches a program on the unix port or CPython with the agent,
 * configured by {@link dev.dapkit.target.micropython.MicroPythonLaunchConfiguration}
 * ({@code program}, {@code args}, {@code cwd}, {@code env}, {@code python}, {@code stopOnEntry}).
 *
 * <p>The agent is this module's resource {@code dev/dapkit/target/micropython/agent/dapkit_agent.py};
 * the link between host and agent is described in the module's {@code PROTOCOL.md}.
 *
 * <p>Threading: the engine calls a target one request at a time; each session has one thread that
 * reads the link, and two that pump a launched program's output.
 */
package dev.dapkit.target.micropython;
