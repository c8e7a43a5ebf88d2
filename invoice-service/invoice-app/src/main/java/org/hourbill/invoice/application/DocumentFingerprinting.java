package org.hourbill.invoice.application;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.hourbill.invoice.domain.CreditNotes;
import org.hourbill.invoice.domain.DocumentFingerprints;
import org.hourbill.invoice.domain.Invoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes the SHA-256 of each issued document's PDF right after the transaction that issued it commits. Rendering
 * inside that transaction would hold the number series' counter row locked for the whole rendering and so cap
 * issuing at one series' rendering speed. The PDF depends on the frozen document only, so rendering it a moment
 * later gives the same bytes; documents left without a fingerprint by a crash are fingerprinted at start-up.
 */
@Service
public class DocumentFingerprinting {
    private static final Logger log = LoggerFactory.getLogger(DocumentFingerprinting.class);
    private final DocumentFingerprints fingerprints;
    private final InvoiceDocuments documents;
    private final Invoices invoices;
    private final CreditNotes creditNotes;

    DocumentFingerprinting(DocumentFingerprints fingerprints, InvoiceDocuments documents, Invoices invoices, CreditNotes creditNotes) {
        this.fingerprints = fingerprints;
        this.documents = documents;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
    }

    /** Called in the issuing transaction: fingerprints the document once that transaction has committed. */
    public void afterCommit(UUID documentId, Supplier<byte[]> pdf) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                fingerprint(documentId, pdf);
            }
        });
    }

    /** Fingerprints what a crash left without one. */
    public int catchUp() {
        List<UUID> missing = fingerprints.missing();
        for (UUID id : missing) {
            var invoice = invoices.find(id);
            if (invoice.isPresent()) {
                fingerprint(id, () -> documents.pdf(invoice.get()));
            } else {
                creditNotes.find(id).ifPresent(c -> fingerprint(id, () -> documents.pdf(c, invoices.find(c.invoiceId()).orElseThrow())));
            }
        }
        return missing.size();
    }

    private void fingerprint(UUID documentId, Supplier<byte[]> pdf) {
        try {
            fingerprints.record(documentId, DocumentDigest.sha256(pdf.get()));
        } catch (RuntimeException e) {
            log.error("could not fingerprint document {}; it is done again at the next start", documentId, e);
        }
    }
}
