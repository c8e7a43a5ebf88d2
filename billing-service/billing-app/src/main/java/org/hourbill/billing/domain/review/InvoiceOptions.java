package org.hourbill.billing.domain.review;

import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

/**
 * The options of the invoice a review will generate.
 *
 * @param frameOrderId the frame order to draw the billed hours from, or null for none
 */
public record InvoiceOptions(LocalDate periodFrom, LocalDate periodTo, int paymentTermsDays, String poNumber, String notes,
        UUID frameOrderId) {
    public InvoiceOptions {
        if (periodFrom != null && periodTo != null && periodTo.isBefore(periodFrom)) {
            throw new InvalidField("periodTo", "the billing period ends before it starts");
        }
        if (paymentTermsDays < 0) throw new InvalidField("paymentTermsDays", "payment terms cannot be negative");
    }
}
