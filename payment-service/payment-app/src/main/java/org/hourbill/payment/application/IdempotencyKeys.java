package org.hourbill.payment.application;

import java.util.Optional;
import java.util.UUID;

/** Remembers each Idempotency-Key with the fingerprint of its request and the payment it made. */
public interface IdempotencyKeys {
    /** A key seen before: the fingerprint of the request that first used it, and its payment. */
    record Earlier(String fingerprint, UUID paymentId) {
    }

    /**
     * Claims a key for this transaction. Empty when the key is new (now ours); otherwise what the first use left.
     * A concurrent first use makes this wait until that one commits or rolls back.
     */
    Optional<Earlier> claim(String key, String fingerprint);

    void complete(String key, UUID paymentId);
}
