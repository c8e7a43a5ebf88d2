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
 */
public record DrawDown(UUID id, UUID frameOrderId, BigDecimal hours, DrawDownStatus status, String reference,
        String invoiceNumber, String note, Instant at) {

    public DrawDown reversed(String reason) {
        return new DrawDown(id, frameOrderId, hours, DrawDownStatus.REVERSED, reference, invoiceNumber, reason, at);
    }
}
