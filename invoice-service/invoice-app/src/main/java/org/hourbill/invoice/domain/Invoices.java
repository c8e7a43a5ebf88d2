package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where invoices are kept. The documents are append-only (the database itself refuses to change or delete one);
 * their state moves, and every move appends a line to the invoice's audit trail.
 */
public interface Invoices {
    void add(Invoice invoice, InvoiceState state, StatusChange issued);

    Optional<Invoice> find(UUID id);

    Optional<Invoice> findByNumber(String number);

    Optional<InvoiceState> state(UUID id);

    /** The state, locked until the transaction ends: transitions of one invoice happen one after the other. */
    Optional<InvoiceState> lockState(UUID id);

    /** Saves a moved state and appends its audit line (when the move changed the status). */
    void save(InvoiceState.Moved moved);

    List<StatusChange> history(UUID id);

    InvoicePage search(Filter filter, Page page, LocalDate today);

    List<StatusTotal> totals(Filter filter, LocalDate today);

    /** Billed, credited and net amounts per billing type, project and currency of the invoices issued in a period. */
    List<BillingReportRow> billingReport(LocalDate issuedFrom, LocalDate issuedTo);

    /**
     * @param billed   the net amount of the lines of the invoices issued in the period
     * @param credited the part of it cancelled since by credit notes
     */
    /** Every invoice and credit note that billed or credited the time entry, oldest first. */
    List<EntryDocument> documentsOf(UUID entryId);

    /**
     * One document's part in a time entry's history: an invoice line that billed it, or the credit note that cancelled
     * that invoice (its quantity and amount negated).
     */
    record EntryDocument(String kind, UUID id, String number, LocalDate issueDate, String status, String currency, int position,
            BigDecimal quantity, BigDecimal amount) {
    }

    record BillingReportRow(String billingType, UUID projectId, String currency, long invoices, BigDecimal billed,
            BigDecimal credited, BigDecimal net) {
    }

    record Filter(UUID customerId, InvoiceStatus status, LocalDate issuedFrom, LocalDate issuedTo, boolean overdueOnly) {
    }

    enum SortKey {
        ISSUE_DATE, DUE_DATE, NUMBER, TOTAL, CUSTOMER, AMOUNT_OPEN
    }

    record Page(int page, int size, SortKey sort, boolean descending) {
    }

    record Summary(UUID id, String number, UUID customerId, String customerName, LocalDate issueDate, LocalDate dueDate,
            String currency, BigDecimal total, BigDecimal amountPaid, BigDecimal amountOpen, InvoiceStatus status,
            boolean overdue) {
    }

    record InvoicePage(List<Summary> items, int page, int size, long totalItems) {
    }

    /** Count and amounts of the invoices in one status and currency. */
    record StatusTotal(InvoiceStatus status, String currency, long invoices, BigDecimal total, BigDecimal amountOpen) {
    }
}
