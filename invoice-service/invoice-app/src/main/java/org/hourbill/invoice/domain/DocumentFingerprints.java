package org.hourbill.invoice.domain;

import java.util.Optional;
import java.util.UUID;

/** The SHA-256 of each document's PDF as rendered at issue, kept to prove later that a copy is the one issued. */
public interface DocumentFingerprints {
    void record(UUID documentId, String sha256);

    Optional<String> find(UUID documentId);
}
