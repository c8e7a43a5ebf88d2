package org.hourbill.frameorder.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code DrawDownFrameOrder.v1}, a command: take these hours from the frame order for one invoice. Answered by
 * {@link FrameOrderDrawnDown} or {@link FrameOrderDrawDownRejected}; asking again with the same draw-down id gets the
 * same answer and no second draw-down.
 *
 * @param drawDownId  chosen by the asker (billing uses its invoice run id); the idempotency key
 * @param invoiceDate the frame order must be valid on this date
 * @param reference   what the hours are for, shown in the frame order's history until an invoice number is known
 */
public record DrawDownFrameOrder(UUID drawDownId, UUID frameOrderId, UUID customerId, LocalDate invoiceDate,
        BigDecimal hours, String reference) {
    public static final String TYPE = "DrawDownFrameOrder.v1";
}
