package org.hourbill.billing.domain.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.billing.domain.plan.Amounts;
import org.hourbill.billing.domain.plan.BillingDefaults;
import org.hourbill.platform.problem.InvalidField;

/**
 * The options of the invoice a review will generate.
 *
 * @param paymentTermsDays the payment deadline in days: the due date is the issue date plus these
 * @param frameOrderId     the frame order to draw the billed hours from, or null for none
 * @param billContact      who receives the bill (defaulted from the customer)
 * @param paymentRecipient who receives the payment (defaulted from the customer; null: the seller's account)
 * @param responsible      the person responsible for the bill
 * @param comments         internal comments, not printed
 * @param orderAmount      the order amount the bill draws on, for "% of order" (defaulted from the project)
 */
public record InvoiceOptions(LocalDate periodFrom, LocalDate periodTo, int paymentTermsDays, String poNumber, String notes,
        UUID frameOrderId, BillingDefaults.Contact billContact, BillingDefaults.PaymentRecipient paymentRecipient,
        String responsible, String comments, BigDecimal orderAmount) {
    public InvoiceOptions {
        if (periodFrom != null && periodTo != null && periodTo.isBefore(periodFrom)) {
            throw new InvalidField("periodTo", "the billing period ends before it starts");
        }
        if (paymentTermsDays < 0) throw new InvalidField("paymentTermsDays", "payment terms cannot be negative");
        if (billContact != null && (billContact.name() == null || billContact.name().isBlank())) {
            throw new InvalidField("billContact.name", "a bill contact has a name");
        }
        if (paymentRecipient != null && (paymentRecipient.name() == null || paymentRecipient.name().isBlank())) {
            throw new InvalidField("paymentRecipient.name", "a payment recipient has a name");
        }
        if (orderAmount != null) Amounts.require("orderAmount", orderAmount, 3, false);
    }

    public InvoiceOptions(LocalDate periodFrom, LocalDate periodTo, int paymentTermsDays, String poNumber, String notes,
            UUID frameOrderId) {
        this(periodFrom, periodTo, paymentTermsDays, poNumber, notes, frameOrderId, null, null, null, null, null);
    }
}
