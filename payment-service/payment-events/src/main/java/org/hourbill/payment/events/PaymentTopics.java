package org.hourbill.payment.events;

/**
 * Where the payment service publishes. Keyed by customer id: a customer's payments, reversals and its credit
 * balance are seen by everyone in the order they happened.
 */
public final class PaymentTopics {
    public static final String EVENTS = "payment.events";

    private PaymentTopics() {
    }
}
