package org.hourbill.payment.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where payments are kept; a reversal marks the payment, it never deletes it. */
public interface Payments {
    void add(Payment payment);

    Optional<Payment> find(UUID id);

    Optional<Payment> lock(UUID id);

    void save(Payment payment);

    List<Payment> forInvoice(UUID invoiceId);

    List<Payment> forCustomer(UUID customerId);
}
