package org.hourbill.billing.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.review.BillingReview;
import org.hourbill.billing.domain.run.InvoiceRun;

/** Sends the run's requests to the other services; called inside the transaction that decided them (outbox). */
public interface InvoiceRunMessenger {
    /** Hours of work done from {@code workedFrom} to {@code workedTo}, for which the frame order must be valid. */
    void drawDown(InvoiceRun run, BigDecimal hours, LocalDate workedFrom, LocalDate workedTo, String reference);

    void reverseDrawDown(InvoiceRun run, String reason);

    void issueInvoice(InvoiceRun run, BillingReview review, BillingCustomer customer);

    void withdrawInvoice(InvoiceRun run, String reason);

    /** Before the invoice: the run's entries, locked in timesheets all or none. */
    void lockEntries(InvoiceRun run, List<UUID> entryIds);

    void markEntriesBilled(InvoiceRun run, String invoiceNumber, List<UUID> entryIds);
}
