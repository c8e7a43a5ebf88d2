package org.hourbill.billing.domain.plan;

import java.util.UUID;

/** Who receives a customer's bills and who receives its payments, as every new bill of the customer starts. */
public record BillingDefaults(UUID customerId, Contact billContact, PaymentRecipient paymentRecipient) {
    /** Who receives the bill on the customer's side. */
    public record Contact(String name, String email) {
    }

    /** Who receives the payment, when not the seller's own account (a factoring company, a group's treasury). */
    public record PaymentRecipient(String name, String iban, String bic, String bankName) {
    }
}
