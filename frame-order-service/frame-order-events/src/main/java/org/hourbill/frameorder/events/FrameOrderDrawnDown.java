package org.hourbill.frameorder.events;

import java.math.BigDecimal;
import java.util.UUID;

/** {@code FrameOrderDrawnDown.v1}: hours were taken from the frame order; its balance after the draw-down. */
public record FrameOrderDrawnDown(UUID drawDownId, UUID frameOrderId, UUID customerId, String poNumber, BigDecimal hours,
        BigDecimal totalHours, BigDecimal billedHours, BigDecimal remainingHours) {
    public static final String TYPE = "FrameOrderDrawnDown.v1";
}
