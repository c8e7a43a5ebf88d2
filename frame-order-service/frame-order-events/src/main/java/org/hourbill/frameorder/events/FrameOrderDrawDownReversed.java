package org.hourbill.frameorder.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code FrameOrderDrawDownReversed.v1}: the draw-down's hours are back on the frame order ({@code hours} is 0 when
 * the draw-down had never happened and is now barred).
 */
public record FrameOrderDrawDownReversed(UUID drawDownId, UUID frameOrderId, UUID customerId, BigDecimal hours,
        BigDecimal remainingHours, String reason) {
    public static final String TYPE = "FrameOrderDrawDownReversed.v1";
}
