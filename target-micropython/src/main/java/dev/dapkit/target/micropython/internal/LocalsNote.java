package dev.dapkit.target.micropython.internal;

import dev.dapkit.server.spi.VariableContainer;

/**
 * The Locals scope of a frame on firmware without {@code f_locals}: one entry that says why it is
 * empty. Immutable.
 *
 * @param note what to show, e.g. "locals need firmware with f_locals"
 */
record LocalsNote(String note) implements VariableContainer {
}
