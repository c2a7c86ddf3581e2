/**
 * The {@code jvm} target: debugs Java programs through JDI behind dapkit's server.
 *
 * <p>{@link dev.dapkit.target.jvm.JvmTargetProvider} makes the targets (found by
 * {@link java.util.ServiceLoader} under the id {@code jvm}). A session either launches a JVM,
 * configured by {@link dev.dapkit.target.jvm.JvmLaunchConfiguration} ({@code mainClass},
 * {@code classPaths}, {@code modulePaths}, {@code args}, {@code vmArgs}, {@code cwd}, {@code env},
 * {@code stopOnEntry}, {@code javaHome}/{@code javaExec}, {@code console}, {@code sourcePaths}), or
 * attaches to one whose debug agent listens
 * ({@code -agentlib:jdwp=transport=dt_socket,server=y,address=5005}), configured by
 * {@link dev.dapkit.target.jvm.JvmAttachConfiguration} ({@code hostName}, {@code port},
 * {@code timeout}, {@code sourcePaths}). The keys are those of VS Code's Java debugger.
 *
 * <p>What a session offers: line breakpoints (also in nested, anonymous and local classes and in
 * lambdas, set before their classes load), function breakpoints, exception breakpoints
 * ({@code caught}, {@code uncaught}, with class names as conditions) and {@code exceptionInfo},
 * data breakpoints on fields, stepping that never stops in the JDK or in compiler-made methods,
 * instruction steps, single-thread execution, pause, {@code restartFrame}, paged stacks, locals and
 * static fields, collections and maps shown by their content, {@code toString()} on demand,
 * {@code setVariable} with literal values, sources of classes without files, loaded sources and
 * JPMS modules. Virtual threads of a Java 21+ debuggee are listed.
 *
 * <p>Threading: the engine calls a target one request at a time; each session has one thread that
 * reads the JVM's events, and two that pump a launched program's output.
 */
package dev.dapkit.target.jvm;
