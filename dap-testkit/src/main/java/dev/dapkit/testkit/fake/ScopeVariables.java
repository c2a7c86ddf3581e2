package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.VariableContainer;
import dev.dapkit.testkit.fake.internal.Frame;
import java.util.Map;

/**
 * The variables of a scope: a frame's locals or the program's globals.
 *
 * @param variables the live variables
 * @param frame the frame new values are evaluated in
 */
record ScopeVariables(Map<String, Object> variables, Frame frame) implements VariableContainer {
}
