package org.hourbill.invoice.config;

import org.hourbill.invoice.application.DocumentFingerprinting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fingerprints the documents a crash left without one (between issue and fingerprint): at start-up, and every minute
 * after, since with several instances the one that crashed may not come back while the others run. Instances may do it
 * at once: a fingerprint is stored only if none is (the rendering, and so the hash, is the same).
 */
@Component
class FingerprintCatchUp {
    private static final Logger log = LoggerFactory.getLogger(FingerprintCatchUp.class);
    private final DocumentFingerprinting fingerprinting;

    FingerprintCatchUp(DocumentFingerprinting fingerprinting) {
        this.fingerprinting = fingerprinting;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${hourbill.documents.fingerprint-catch-up:PT1M}")
    void catchUp() {
        int done = fingerprinting.catchUp();
        if (done > 0) log.warn("fingerprinted {} documents issued before a stop", done);
    }
}
