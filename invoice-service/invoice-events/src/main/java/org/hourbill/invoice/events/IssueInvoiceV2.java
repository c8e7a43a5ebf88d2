package org.hourbill.invoice.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code IssueInvoice.v2}, a command: issue a bill of any billing type with the next number of its series. Answered
 * like {@link IssueInvoice} (v1, time entries only, still accepted): {@link InvoiceIssued} or
 * {@link InvoiceRequestRejected}; asking again with the same run id gets the same invoice. The invoice service
 * computes line amounts, tax and totals itself.
 *
 * @param bill what the bill carries besides its lines; null for none
 */
public record IssueInvoiceV2(UUID invoiceRunId, String series, IssueInvoice.Buyer buyer, String currency, BigDecimal taxRate,
        LocalDate issueDate, LocalDate periodFrom, LocalDate periodTo, int paymentTermsDays, String poNumber,
        UUID frameOrderId, String frameOrderPoNumber, UUID frameOrderDrawDownId, String notes, Bill bill, List<Line> lines) {
    public static final String TYPE = "IssueInvoice.v2";

    /**
     * @param billingType TIME_AND_MATERIALS, FIXED_PRICE, CAPPED_TIME_AND_MATERIALS or MANUAL, when the bill is for one project
     * @param orderAmount the order (contract) amount the bill draws on, for "% of order"; null for none
     */
    public record Bill(UUID projectId, String billingType, Contact billContact, PaymentRecipient paymentRecipient,
            String responsible, String comments, BigDecimal orderAmount) {
    }

    public record Contact(String name, String email) {
    }

    public record PaymentRecipient(String name, String iban, String bic, String bankName) {
    }

    /**
     * One bill line; the amount is the invoice service's to compute (quantity x unit price).
     *
     * @param kind      TIME (one entry, hours), ACTIVITY (days at an activity's daily price), TERM (a fixed-price term), MANUAL
     * @param entryIds  the time entries billed by the line (one for TIME, those covered by ACTIVITY, none else)
     * @param unit      UN/ECE Recommendation 20: HUR, DAY, C62, ...
     * @param amendment a correction of an earlier bill: the only line that may have a negative quantity
     * @param termId    the billed term of a TERM line
     */
    public record Line(String kind, List<UUID> entryIds, LocalDate date, UUID projectId, String billingType, String task,
            String resourceName, String role, String description, String detail, BigDecimal quantity, String unit,
            BigDecimal unitPrice, boolean amendment, UUID termId) {
    }
}
