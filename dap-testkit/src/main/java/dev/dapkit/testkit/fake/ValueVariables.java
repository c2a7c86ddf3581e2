package dev.dapkit.testkit.fake;

import dev.dapkit.server.spi.VariableContainer;
import dev.dapkit.testkit.fake.internal.Frame;

/**
 * The children of a list, map or object. Made when the value is shown, not when it is expanded,
 * and one level at a time, so a value that contains itself expands as deep as the user clicks.
 *
 * @param value the list, map or object
 * @param evaluateName an expression for the value, to build the children's
 * @param frame the frame new values are evaluated in, or null for the globals
 */
record ValueVariables(Object value, String evaluateName, Frame frame) implements VariableContainer {
}
