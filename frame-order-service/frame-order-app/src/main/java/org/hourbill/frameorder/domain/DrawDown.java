package org.hourbill.frameorder.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One request to take hours from a frame order, with its outcome. Kept forever, whatever the outcome: the
 * history of a frame order is exact, and a repeated request finds its earlier answer here.
 *
 * @param reference     what the hours were for, until the invoice number is known
 * @param invoiceNumber the invoice that billed the hours, once issued
 * @param note          why it was rejected, reversed or barred
 * @param billedAfter   the order's billed hours right after this draw-down took its hours (null if it took none): a
 *                      repeated request is answered with the figures of the first answer, not today's balance
 */
public record DrawDown(UUID id, UUID frameOrderId, BigDecimal hours, DrawDownStatus status, String reference,
        String invoiceNumber, String note, Instant at, BigDecimal billedAfter) {

    /** A draw-down that took no hours (rejected, barred). */
    public DrawDown(UUID id, UUID frameOrderId, BigDecimal hours, DrawDownStatus status, String reference,
            String invoiceNumber, String note, Instant at) {
        this(id, frameOrderId, hours, status, reference, invoiceNumber, note, at, null);
    }

    public DrawDown reversed(String reason) {
        return new DrawDown(id, frameOrderId, hours, DrawDownStatus.REVERSED, reference, invoiceNumber, reason, at, billedAfter);
    }
}
