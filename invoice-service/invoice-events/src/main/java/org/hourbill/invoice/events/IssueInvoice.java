package org.hourbill.invoice.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code IssueInvoice.v1}, a command: issue an invoice with the next number of its series. Answered by
 * {@link InvoiceIssued} or {@link InvoiceRequestRejected}; asking again with the same run id gets the same invoice.
 * The invoice service computes line amounts, tax and totals itself: it is the authority on the document.
 *
 * @param invoiceRunId        the billing run that asks; the idempotency key
 * @param series              numbering series, null for the default one
 * @param taxRate             percent, e.g. 19.00
 * @param frameOrderId        null when the invoice draws on no frame order
 * @param frameOrderDrawDownId the draw-down made for this invoice, null without frame order
 */
public record IssueInvoice(UUID invoiceRunId, String series, Buyer buyer, String currency, BigDecimal taxRate,
        LocalDate issueDate, LocalDate periodFrom, LocalDate periodTo, int paymentTermsDays, String poNumber,
        UUID frameOrderId, String frameOrderPoNumber, UUID frameOrderDrawDownId, String notes, List<Line> lines) {
    public static final String TYPE = "IssueInvoice.v1";

    public record Buyer(UUID customerId, String name, String address, String taxId) {
    }

    /** One billed time entry; the amount is the invoice service's to compute. */
    public record Line(UUID entryId, LocalDate date, UUID projectId, String task, String resourceName, String role,
            String description, BigDecimal hours, BigDecimal rate) {
    }
}
