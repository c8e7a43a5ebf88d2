package org.hourbill.payment.domain;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.UnprocessableRequest;

/** Money a customer has with the firm beyond its invoices, in one currency; it can never go below zero. */
public record CreditBalance(UUID customerId, String currency, BigDecimal amount) {

    public CreditBalance add(BigDecimal more) {
        return new CreditBalance(customerId, currency, amount.add(more));
    }

    /** Pays (part of) an invoice from the balance. */
    public CreditBalance draw(BigDecimal needed) {
        if (amount.compareTo(needed) < 0) {
            throw new UnprocessableRequest("amount", "the customer's credit balance is " + currency + " " + amount + "; it cannot pay "
                    + needed);
        }
        return new CreditBalance(customerId, currency, amount.subtract(needed));
    }

    /** Takes back credit that a reversed payment had brought; refused once that credit has been spent. */
    public CreditBalance takeBack(BigDecimal credited, String paymentReference) {
        if (amount.compareTo(credited) < 0) {
            throw new ConflictingState("payment " + paymentReference + " put " + currency + " " + credited
                    + " on the customer's credit balance, but only " + amount + " is left there; reverse the payments that used it first");
        }
        return new CreditBalance(customerId, currency, amount.subtract(credited));
    }
}
