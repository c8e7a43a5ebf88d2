package org.hourbill.invoice.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class IssuingLullTest {
    final AtomicLong now = new AtomicLong(0);
    /** Time passes only by the waiting itself, and each pause of the waiter lets an invoice be issued meanwhile. */
    int issuedWhileWaiting;
    final IssuingLull lull = new IssuingLull(Duration.ofMillis(300), Duration.ofSeconds(60), now::get, millis -> {
        now.addAndGet(millis * 1_000_000);
        if (issuedWhileWaiting-- > 0) issued();
    });

    void issued() {
        lull.issued();
    }

    @Test
    void nothing_issued_yet_means_no_wait() throws Exception {
        lull.await();
        assertThat(now.get()).isZero();
    }

    @Test
    void waits_for_a_pause_of_quiet_after_the_last_invoice() throws Exception {
        issued();
        now.addAndGet(Duration.ofMillis(100).toNanos());
        lull.await();
        assertThat(Duration.ofNanos(now.get())).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void waits_as_long_as_invoices_keep_coming() throws Exception {
        issued();
        issuedWhileWaiting = 5;
        lull.await();
        assertThat(Duration.ofNanos(now.get())).isEqualTo(Duration.ofMillis(300 * 6));
    }

    @Test
    void never_waits_longer_than_its_patience() throws Exception {
        issued();
        issuedWhileWaiting = Integer.MAX_VALUE;
        lull.await();
        assertThat(Duration.ofNanos(now.get())).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(61));
    }
}
