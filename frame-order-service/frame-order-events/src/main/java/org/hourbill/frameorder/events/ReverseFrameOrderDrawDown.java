package org.hourbill.frameorder.events;

import java.util.UUID;

/**
 * {@code ReverseFrameOrderDrawDown.v1}, a command: give a draw-down's hours back (a compensation, or a voided
 * invoice). Answered by {@link FrameOrderDrawDownReversed}. If the draw-down has not happened yet, it never will:
 * a later {@link DrawDownFrameOrder} with this id is rejected, so a slow participant cannot overdraw after the
 * asker has given up.
 */
public record ReverseFrameOrderDrawDown(UUID drawDownId, UUID frameOrderId, String reason) {
    public static final String TYPE = "ReverseFrameOrderDrawDown.v1";
}
