package org.hourbill.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What an invoice run asks to be issued: the buyer, the options chosen in the review, and the billed entries. */
public record InvoiceRequest(UUID invoiceRunId, String series, Party buyer, String currency, BigDecimal taxRate,
        LocalDate issueDate, LocalDate periodFrom, LocalDate periodTo, int paymentTermsDays, String poNumber,
        FrameOrderReference frameOrder, String notes, BillDetails bill, List<RequestedLine> lines) {

    /** The frame order an invoice draws on, and the draw-down made for it. */
    public record FrameOrderReference(UUID frameOrderId, String poNumber, UUID drawDownId) {
    }

    /** A line as asked for; see {@link InvoiceLine}. */
    public record RequestedLine(LineKind kind, List<UUID> entryIds, LocalDate date, UUID projectId, String billingType, String task,
            String resourceName, String role, String description, String detail, BigDecimal quantity, String unit,
            BigDecimal unitPrice, boolean amendment, UUID termId) {

        /** A time entry billed hour by hour. */
        public static RequestedLine time(UUID entryId, LocalDate date, UUID projectId, String task, String resourceName, String role,
                String description, BigDecimal hours, BigDecimal rate) {
            return new RequestedLine(LineKind.TIME, entryId == null ? List.of() : List.of(entryId), date, projectId,
                    "TIME_AND_MATERIALS", task, resourceName, role, description, null, hours, "HUR", rate, false, null);
        }
    }
}
