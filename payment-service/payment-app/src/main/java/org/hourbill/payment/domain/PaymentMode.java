package org.hourbill.payment.domain;

/** How the money came. CUSTOMER_CREDIT pays from the customer's credit balance instead of new money. */
public enum PaymentMode {
    TRANSFER, CARD, CHEQUE, CASH, DIRECT_DEBIT, CUSTOMER_CREDIT
}
