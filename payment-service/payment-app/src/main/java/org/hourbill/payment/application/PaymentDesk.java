package org.hourbill.payment.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.payment.domain.CreditBalance;
import org.hourbill.payment.domain.CreditBalances;
import org.hourbill.payment.domain.Payment;
import org.hourbill.payment.domain.PaymentMode;
import org.hourbill.payment.domain.PaymentOrder;
import org.hourbill.payment.domain.Payments;
import org.hourbill.payment.domain.Receivable;
import org.hourbill.payment.domain.ReceivableStatus;
import org.hourbill.payment.domain.Receivables;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.hourbill.platform.problem.NotYetKnown;
import org.hourbill.platform.time.BusinessDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reverses payments. Each one locks its invoice's receivable (then the customer's credit balance), so
 * concurrent payments of one invoice apply one after the other and exactly one of them settles it. The payment,
 * the receivable, the balance and the events commit together (with the request's Idempotency-Key, which the platform
 * keeps in the same transaction).
 */
@Service
@Transactional
public class PaymentDesk {
    private final Receivables receivables;
    private final Payments payments;
    private final CreditBalances balances;
    private final PaymentEventPublisher events;
    private final Clock clock;
    private final BusinessDates dates;

    PaymentDesk(Receivables receivables, Payments payments, CreditBalances balances, PaymentEventPublisher events, Clock clock,
            BusinessDates dates) {
        this.receivables = receivables;
        this.payments = payments;
        this.balances = balances;
        this.events = events;
        this.clock = clock;
        this.dates = dates;
    }

    public Payment record(PaymentOrder order) {
        dates.happened("paidOn", order.paidOn());
        Receivable receivable = receivables.lock(order.invoiceId())
                // invoices arrive by event from invoice-service, usually within a second of being issued
                .orElseThrow(() -> new NotYetKnown("invoiceId", "invoice " + order.invoiceId() + " is not known to payments (yet): one"
                        + " issued a moment ago arrives within seconds, so retry; an id that was never issued stays unknown", 1));
        Receivable.Settled settled = receivable.pay(UUID.randomUUID(), order);
        Payment payment = settled.payment();
        if (payment.mode() == PaymentMode.CUSTOMER_CREDIT || payment.excessToCredit().signum() > 0) {
            CreditBalance balance = balances.lock(payment.customerId(), payment.currency());
            if (payment.mode() == PaymentMode.CUSTOMER_CREDIT) balance = balance.draw(payment.amount());
            balances.save(balance.add(payment.excessToCredit()));
        }
        receivables.save(settled.receivable());
        payments.add(payment);
        events.recorded(payment, settled.receivable());
        if (settled.nowPaid()) events.invoicePaid(settled.receivable());
        return payment;
    }

    /** Takes a payment back (bounced, booked in error): the invoice is open again by what it had settled. */
    public Payment reverse(UUID paymentId, LocalDate reversedOn, String reason) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> new NotFound("no payment " + paymentId));
        if (payment.reversed()) {
            throw new ConflictingState("payment " + paymentId + " was reversed already on " + payment.reversedOn());
        }
        LocalDate on = reversedOn == null ? LocalDate.now(clock) : dates.happened("reversedOn", reversedOn);
        if (on.isBefore(payment.paidOn())) {
            throw new InvalidField("reversedOn", "the payment was made on " + payment.paidOn()
                    + "; it cannot be reversed on " + on);
        }
        Receivable receivable = receivables.lock(payment.invoiceId()).orElseThrow();
        // What this payment put on the credit balance must come off it; what it took from there goes back.
        BigDecimal onBalance = payment.excessToCredit();
        if (receivable.status() == ReceivableStatus.VOID) onBalance = onBalance.add(payment.appliedToInvoice());
        BigDecimal backToBalance = payment.mode() == PaymentMode.CUSTOMER_CREDIT ? payment.amount() : BigDecimal.ZERO;
        if (onBalance.signum() > 0 || backToBalance.signum() > 0) {
            CreditBalance balance = balances.lock(payment.customerId(), payment.currency());
            balances.save(balance.add(backToBalance).takeBack(onBalance, paymentId.toString()));
        }
        Receivable after = receivable.reverse(payment);
        Payment reversed = payment.reversal(on, reason);
        receivables.save(after);
        payments.save(reversed);
        events.reversed(reversed, after);
        return reversed;
    }
}
