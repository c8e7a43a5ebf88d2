package org.hourbill.payment.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where receivables are kept. */
public interface Receivables {
    /** Adds the receivable of a newly issued invoice; one already known is left as it is. */
    void addIfAbsent(Receivable receivable);

    Optional<Receivable> find(UUID invoiceId);

    /** The receivable, locked until the transaction ends: payments of one invoice are applied one after the other. */
    Optional<Receivable> lock(UUID invoiceId);

    void save(Receivable receivable);

    List<Receivable> open(UUID customerId);
}
