package dev.dapkit.server.spi;

import java.util.List;

/**
 * A page of a thread's stack.
 *
 * @param frames the frames of the page, top first
 * @param totalFrames the depth of the whole stack, or null when counting it would cost too much
 */
public record StackTracePage(List<? extends TargetFrame> frames, Integer totalFrames) {

    public StackTracePage {
        frames = List.copyOf(frames);
    }
}
