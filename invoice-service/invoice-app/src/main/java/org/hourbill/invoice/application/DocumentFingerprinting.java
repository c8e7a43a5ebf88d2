package org.hourbill.invoice.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * Takes the SHA-256 of each issued document's PDF after the transaction that issued it commits, on a thread of its
 * own: rendering is the slowest part of issuing, and neither the counter row (inside the transaction) nor the saga's
 * consumer (after it) should wait for it. While documents are being issued it waits for a lull ({@link IssuingLull}):
 * during a month-end run the CPU goes to issuing, and the fingerprints follow in the pause after it. The PDF depends on the frozen document only, so rendering it a moment later
 * gives the same bytes. A verification asked before the fingerprint is taken takes it then ({@link #fingerprint(UUID,
 * byte[])}); documents left without one by a crash, or by a queue too long, are fingerprinted by the catch-up.
 */
@Service
public class DocumentFingerprinting {
    private static final Logger log = LoggerFactory.getLogger(DocumentFingerprinting.class);
    private final DocumentFingerprints fingerprints;
    private final InvoiceDocuments documents;
    private final Invoices invoices;
    private final CreditNotes creditNotes;
    /** The documents waiting for the renderer: the catch-up leaves them to it. */
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    /** One renderer at a time, behind the issuing; beyond 10,000 waiting documents the catch-up takes over. */
    private final ThreadPoolExecutor renderer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
            Thread.ofPlatform().name("document-fingerprints").daemon().factory(),
            (turn, executor) -> queued.remove(((Turn) turn).documentId));

    private final IssuingLull lull = IssuingLull.ofSystem(Duration.ofSeconds(1), Duration.ofSeconds(60));

    DocumentFingerprinting(DocumentFingerprints fingerprints, InvoiceDocuments documents, Invoices invoices, CreditNotes creditNotes) {
        this.fingerprints = fingerprints;
        this.documents = documents;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
    }

    /**
     * Called in the issuing transaction: fingerprints the document once that transaction has committed. The queue holds
     * the document's id only; the renderer reads the document again, so a month-end's backlog costs no heap.
     */
    public void afterCommit(UUID documentId) {
        // now too, not only at the commit: a poll of a month-end run's commands is one transaction that can take longer
        // than the lull's quiet, and the renderer must not take that for a pause
        lull.issued();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                lull.issued();
                queued.add(documentId);
                renderer.execute(new Turn(documentId));
            }
        });
    }

    /** A document's turn at the renderer, after a lull in issuing. */
    private final class Turn implements Runnable {
        private final UUID documentId;

        Turn(UUID documentId) {
            this.documentId = documentId;
        }

        @Override
        public void run() {
            try {
                lull.await();
                fingerprintStored(documentId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: the catch-up at the next start takes it
            } finally {
                queued.remove(documentId);
            }
        }
    }

    /**
     * Fingerprints what a crash left without one; not those waiting for this instance's renderer, which are missing
     * too and are taken in their turn, after the issuing.
     */
    public int catchUp() {
        List<UUID> missing = fingerprints.missing().stream().filter(id -> !queued.contains(id)).toList();
        missing.forEach(this::fingerprintStored);
        return missing.size();
    }

    private void fingerprintStored(UUID id) {
        if (fingerprints.find(id).isPresent()) return; // a verification took it meanwhile
        var invoice = invoices.find(id);
        if (invoice.isPresent()) {
            fingerprint(id, () -> documents.pdf(invoice.get()));
        } else {
            creditNotes.find(id).ifPresent(c -> fingerprint(id, () -> documents.pdf(c, invoices.find(c.invoiceId()).orElseThrow())));
        }
    }

    /**
     * The fingerprint taken at issue; when it has not been taken yet (its rendering is still queued), the rendering at
     * hand is that of the issue, taken now: the document is frozen and the renderer the same.
     */
    public String fingerprint(UUID documentId, byte[] rendered) {
        Optional<String> stored = fingerprints.find(documentId);
        if (stored.isPresent()) return stored.get();
        fingerprints.record(documentId, DocumentDigest.sha256(rendered));
        return fingerprints.find(documentId).orElseThrow();
    }

    private void fingerprint(UUID documentId, Supplier<byte[]> pdf) {
        try {
            fingerprints.record(documentId, DocumentDigest.sha256(pdf.get()));
        } catch (RuntimeException e) {
            log.error("could not fingerprint document {}; it is done again at the next start", documentId, e);
        }
    }
}
