package org.hourbill.payment.application;

import org.hourbill.payment.domain.Payment;
import org.hourbill.payment.domain.Receivable;

/** Announces payment facts; called inside the transaction that made them. */
public interface PaymentEventPublisher {
    void recorded(Payment payment, Receivable after);

    void reversed(Payment payment, Receivable after);

    void invoicePaid(Receivable receivable);
}
