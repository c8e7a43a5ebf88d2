package org.hourbill.invoice.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where invoices are kept. Append-only: the database itself refuses to change or delete an issued invoice. */
public interface Invoices {
    void add(Invoice invoice, InvoiceStatus status);

    Optional<Invoice> find(UUID id);

    Optional<Invoice> findByNumber(String number);

    Optional<InvoiceStatus> status(UUID id);

    InvoicePage search(Filter filter, int page, int size);

    record Filter(UUID customerId, InvoiceStatus status, LocalDate issuedFrom, LocalDate issuedTo) {
    }

    record Summary(UUID id, String number, UUID customerId, String customerName, LocalDate issueDate, LocalDate dueDate,
            String currency, java.math.BigDecimal total, InvoiceStatus status) {
    }

    record InvoicePage(List<Summary> items, int page, int size, long totalItems) {
    }
}
