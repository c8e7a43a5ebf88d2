package org.hourbill.invoice.config;

import org.hourbill.invoice.application.DocumentFingerprinting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start-up, fingerprints the documents a crash left without one (between issue and fingerprint). */
@Component
class FingerprintCatchUp {
    private static final Logger log = LoggerFactory.getLogger(FingerprintCatchUp.class);
    private final DocumentFingerprinting fingerprinting;

    FingerprintCatchUp(DocumentFingerprinting fingerprinting) {
        this.fingerprinting = fingerprinting;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        int done = fingerprinting.catchUp();
        if (done > 0) log.warn("fingerprinted {} documents issued before a stop", done);
    }
}
