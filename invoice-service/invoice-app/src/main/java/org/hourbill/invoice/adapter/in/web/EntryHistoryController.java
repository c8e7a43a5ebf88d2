package org.hourbill.invoice.adapter.in.web;

import java.util.List;
import java.util.UUID;

import org.hourbill.invoice.domain.Invoices;
import org.hourbill.invoice.domain.Invoices.EntryDocument;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A time entry's billing history: every invoice that billed it and every credit note that cancelled one of them, so a
 * corrected entry shows the voided invoice, its credit note and the invoice that billed the corrected hours.
 */
@RestController
class EntryHistoryController {
    private final Invoices invoices;

    EntryHistoryController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/time-entries/{entryId}/documents")
    @Transactional(readOnly = true)
    EntryHistory documents(@PathVariable UUID entryId) {
        return new EntryHistory(entryId, invoices.documentsOf(entryId));
    }

    record EntryHistory(UUID entryId, List<EntryDocument> documents) {
    }
}
