package org.hourbill.payment.domain;

import java.util.UUID;

/** A customer as receivables need it: who owes, in which currency payments are expected. */
public record PayingCustomer(UUID id, String name, String currency) {
}
