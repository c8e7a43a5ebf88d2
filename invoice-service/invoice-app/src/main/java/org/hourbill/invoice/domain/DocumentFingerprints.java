package org.hourbill.invoice.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SHA-256 of each document's PDF as rendered at issue, kept to prove later that a copy is the one issued. */
public interface DocumentFingerprints {
    void record(UUID documentId, String sha256);

    Optional<String> find(UUID documentId);

    /** Invoices and credit notes that have no fingerprint yet. */
    List<UUID> missing();
}
