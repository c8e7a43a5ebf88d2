package org.hourbill.payment.domain;

import java.util.List;
import java.util.UUID;

/** Each customer's credit balance per currency: overpayments and the payments of voided invoices. */
public interface CreditBalances {
    /** The balance, locked until the transaction ends (zero when the customer has none yet). */
    CreditBalance lock(UUID customerId, String currency);

    void save(CreditBalance balance);

    List<CreditBalance> of(UUID customerId);
}
