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
 * @param invoiceDate the date of the invoice the hours go on
 * @param servicePeriodFrom first day of the work drawn (optional; since 2026-12); with {@code servicePeriodTo}, the
 *                    frame order must be valid for the whole period, else on {@code invoiceDate}
 * @param servicePeriodTo last day of the work drawn (optional)
 * @param reference   what the hours are for, shown in the frame order's history until an invoice number is known
 */
public record DrawDownFrameOrder(UUID drawDownId, UUID frameOrderId, UUID customerId, LocalDate invoiceDate,
        BigDecimal hours, String reference, LocalDate servicePeriodFrom, LocalDate servicePeriodTo) {
    public static final String TYPE = "DrawDownFrameOrder.v1";

    /** A command from an asker that does not know the service period (before 2026-12): validity on the invoice date. */
    public DrawDownFrameOrder(UUID drawDownId, UUID frameOrderId, UUID customerId, LocalDate invoiceDate, BigDecimal hours,
            String reference) {
        this(drawDownId, frameOrderId, customerId, invoiceDate, hours, reference, null, null);
    }
}
