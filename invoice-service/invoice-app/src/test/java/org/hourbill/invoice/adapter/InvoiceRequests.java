package org.hourbill.invoice.adapter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.invoice.domain.InvoiceRequest;
import org.hourbill.invoice.domain.Party;

/** Invoice requests as billing's invoice runs send them: Northwind, one line of hours at EUR 145, 19 % tax. */
final class InvoiceRequests {
    private InvoiceRequests() {
    }

    static InvoiceRequest request(UUID customer, UUID run, String series, String hours) {
        return request(customer, run, series, hours, LocalDate.of(2026, 11, 2));
    }

    static InvoiceRequest request(UUID customer, UUID run, String series, String hours, LocalDate issueDate) {
        return new InvoiceRequest(run, series, new Party(customer, "Northwind", "Hafenstrasse 12, Hamburg", "DE123456789"), "EUR",
                new BigDecimal("19.00"), issueDate, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 30,
                "PO-7", new InvoiceRequest.FrameOrderReference(UUID.randomUUID(), "PO-7", run), null, null,
                List.of(InvoiceRequest.RequestedLine.time(UUID.randomUUID(), LocalDate.of(2026, 10, 14), UUID.randomUUID(),
                        "Data migration", "Ada Lovelace", "Senior Consultant", null, new BigDecimal(hours), new BigDecimal("145.00"))));
    }
}
