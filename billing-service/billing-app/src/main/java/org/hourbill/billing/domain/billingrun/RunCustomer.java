package org.hourbill.billing.domain.billingrun;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One customer of a billing run: the bill it makes (figures of its review), and what became of it.
 *
 * @param reviewReused    the bill is a review a person (or an earlier draft run) had started, used as it is
 * @param heldReason      why the customer waits for a person's review instead; null when it is included
 * @param frameOrder      the frame order the bill draws on, with its hours before and after; null for none
 * @param invoiceRunId    the bill's invoice run, once started
 * @param invoiceNumber   the invoice's number, once issued
 * @param failureReason   why no invoice was issued (the invoice run's reason, or why it could not start)
 * @param runFailed       the invoice run ended without an invoice
 */
public record RunCustomer(UUID customerId, String customerName, UUID reviewId, boolean reviewReused, String heldReason,
        Figures figures, FrameOrderUse frameOrder, UUID invoiceRunId, String invoiceNumber, String failureReason, boolean runFailed) {

    public enum Outcome { HELD, WAITING, ISSUED, FAILED }

    /** What a bill amounts to, as the review says (and the invoice will print). */
    public record Figures(String currency, BigDecimal hours, BigDecimal net, BigDecimal tax, BigDecimal total) {
    }

    public record FrameOrderUse(UUID frameOrderId, String poNumber, BigDecimal hoursLeft, BigDecimal hoursAfter) {
    }

    public static RunCustomer included(UUID customerId, String name, UUID reviewId, boolean reused, Figures figures,
            FrameOrderUse frameOrder) {
        return new RunCustomer(customerId, name, reviewId, reused, null, figures, frameOrder, null, null, null, false);
    }

    public static RunCustomer held(UUID customerId, String name, UUID reviewId, boolean reused, Figures figures, String reason) {
        return new RunCustomer(customerId, name, reviewId, reused, reason, figures, null, null, null, null, false);
    }

    public Outcome outcome() {
        if (heldReason != null) return Outcome.HELD;
        if (invoiceNumber != null) return Outcome.ISSUED;
        if (runFailed || (invoiceRunId == null && failureReason != null)) return Outcome.FAILED;
        return Outcome.WAITING;
    }

    /** Why the customer has no invoice from this run: held or failed; null otherwise. */
    public String reason() {
        return switch (outcome()) {
            case HELD -> heldReason;
            case FAILED -> failureReason;
            case WAITING, ISSUED -> null;
        };
    }
}
