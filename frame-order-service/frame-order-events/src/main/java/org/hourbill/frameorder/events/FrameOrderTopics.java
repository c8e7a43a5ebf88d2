package org.hourbill.frameorder.events;

/**
 * Where the frame order service listens and publishes. Both topics are keyed by frame order id: the draw-downs
 * and reversals of one frame order are handled in the order they were asked for.
 */
public final class FrameOrderTopics {
    public static final String COMMANDS = "frame-order.commands";
    public static final String EVENTS = "frame-order.events";

    private FrameOrderTopics() {
    }
}
