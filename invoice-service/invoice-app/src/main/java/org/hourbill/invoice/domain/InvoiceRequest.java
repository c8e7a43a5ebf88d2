package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What an invoice run asks to be issued: the buyer, the options chosen in the review, and the billed entries. */
public record InvoiceRequest(UUID invoiceRunId, String series, Party buyer, String currency, BigDecimal taxRate,
        LocalDate issueDate, LocalDate periodFrom, LocalDate periodTo, int paymentTermsDays, String poNumber,
        FrameOrderReference frameOrder, String notes, List<RequestedLine> lines) {

    /** The frame order an invoice draws on, and the draw-down made for it. */
    public record FrameOrderReference(UUID frameOrderId, String poNumber, UUID drawDownId) {
    }

    public record RequestedLine(UUID entryId, LocalDate date, UUID projectId, String task, String resourceName, String role,
            String description, BigDecimal hours, BigDecimal rate) {
    }
}
