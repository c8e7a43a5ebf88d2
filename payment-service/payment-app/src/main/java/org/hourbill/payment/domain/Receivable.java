package org.hourbill.payment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.UnprocessableRequest;

/**
 * An issued invoice from the point of view of the money: its total, what its payments have settled, and when it is
 * due. Payments settle it up to its total; the rest of a payment goes to the customer's credit balance, so money
 * is never silently lost. A reversed payment opens it again.
 */
public record Receivable(UUID invoiceId, String number, UUID customerId, String currency, LocalDate issueDate,
        LocalDate dueDate, BigDecimal total, BigDecimal amountPaid, ReceivableStatus status, LocalDate paidOn) {

    public BigDecimal amountOpen() {
        return status == ReceivableStatus.VOID ? zero() : total.subtract(amountPaid);
    }

    public long daysPastDue(LocalDate asOf) {
        return java.time.temporal.ChronoUnit.DAYS.between(dueDate, asOf);
    }

    /** The receivable after a payment, and the payment with its split between this invoice and the credit balance. */
    public record Settled(Receivable receivable, Payment payment, boolean nowPaid) {
    }

    public Settled pay(UUID paymentId, PaymentOrder order) {
        int minor = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal amount = money(order.amount(), "amount", minor);
        BigDecimal fee = order.fee() == null ? zero() : money(order.fee(), "fee", minor);
        if (amount.signum() <= 0) throw new InvalidField("amount", "a payment must be more than zero");
        if (fee.signum() < 0) throw new InvalidField("fee", "a fee cannot be negative");
        if (fee.compareTo(amount) > 0) throw new InvalidField("fee", "the fee (" + fee + ") is more than the payment (" + amount + ")");
        if (order.mode() == PaymentMode.CUSTOMER_CREDIT && fee.signum() != 0) {
            throw new InvalidField("fee", "paying from the customer's credit balance costs no fee");
        }
        if (!currency.equals(order.currency())) {
            throw new UnprocessableRequest("currency", "invoice " + number + " is in " + currency + "; this payment is in "
                    + order.currency());
        }
        if (order.paidOn().isBefore(issueDate)) {
            throw new InvalidField("paidOn", "invoice " + number + " was issued on " + issueDate + "; a payment on "
                    + order.paidOn() + " cannot be for it");
        }
        switch (status) {
            case VOID -> throw new ConflictingState("invoice " + number + " is void (cancelled by a credit note); it takes no payments");
            case PAID -> throw new ConflictingState("invoice " + number + " is paid in full already; nothing is open on it");
            case OPEN -> {
            }
        }
        BigDecimal applied = amount.min(amountOpen());
        BigDecimal excess = amount.subtract(applied);
        if (order.mode() == PaymentMode.CUSTOMER_CREDIT && excess.signum() > 0) {
            throw new UnprocessableRequest("amount", "invoice " + number + " has only " + currency + " " + amountOpen()
                    + " open; pay at most that from the credit balance");
        }
        BigDecimal paid = amountPaid.add(applied);
        boolean settles = paid.compareTo(total) == 0;
        Receivable next = new Receivable(invoiceId, number, customerId, currency, issueDate, dueDate, total, paid,
                settles ? ReceivableStatus.PAID : ReceivableStatus.OPEN, settles ? order.paidOn() : null);
        Payment payment = new Payment(paymentId, invoiceId, number, customerId, order.paidOn(), order.mode(), currency, amount, fee,
                applied, excess, order.reference(), false, null, null);
        return new Settled(next, payment, settles);
    }

    /** The receivable once a payment is taken back: what it settled is open again. */
    public Receivable reverse(Payment payment) {
        BigDecimal paid = amountPaid.subtract(payment.appliedToInvoice());
        ReceivableStatus next = status == ReceivableStatus.VOID ? ReceivableStatus.VOID : ReceivableStatus.OPEN;
        return new Receivable(invoiceId, number, customerId, currency, issueDate, dueDate, total, paid, next, null);
    }

    /** The invoice was cancelled by a credit note; whatever had been paid on it belongs to the customer as credit now. */
    public Receivable voided() {
        return new Receivable(invoiceId, number, customerId, currency, issueDate, dueDate, total, amountPaid, ReceivableStatus.VOID,
                paidOn);
    }

    private BigDecimal zero() {
        return BigDecimal.ZERO.setScale(total.scale());
    }

    private static BigDecimal money(BigDecimal value, String field, int minor) {
        if (value == null) throw new InvalidField(field, field + " is required");
        try {
            return value.setScale(minor, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new InvalidField(field, value + " has more decimals than the currency's " + minor);
        }
    }
}
