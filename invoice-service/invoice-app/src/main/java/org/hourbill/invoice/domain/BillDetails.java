package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * What a bill carries besides its lines: the project it bills (when one), who receives it and who receives the
 * payment (defaulted from the customer, editable before issue), the person responsible, internal comments, and
 * the order amount it bills against.
 *
 * @param orderAmount the amount of the order (fixed-price contract) the bill draws on, or null
 */
public record BillDetails(UUID projectId, String billingType, Contact billContact, PaymentRecipient paymentRecipient,
        String responsible, String comments, BigDecimal orderAmount) {
    public static final BillDetails NONE = new BillDetails(null, null, null, null, null, null, null);

    /** Who receives the bill. */
    public record Contact(String name, String email) {
    }

    /** Who receives the payment, when not the seller's own account. */
    public record PaymentRecipient(String name, String iban, String bic, String bankName) {
    }

    /** "% of order": the bill's net amount over the order amount, in percent with 2 decimals; null without order. */
    public BigDecimal percentOfOrder(BigDecimal subtotal) {
        if (orderAmount == null || orderAmount.signum() <= 0) return null;
        return subtotal.movePointRight(2).divide(orderAmount, 2, RoundingMode.HALF_UP);
    }
}
