package org.hourbill.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberedTokensTest {
    static final Instant START = Instant.parse("2026-11-30T17:00:00Z");
    final AtomicLong nanos = new AtomicLong();
    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return START.plusNanos(nanos.get());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    final List<String> checked = new ArrayList<>();

    /** Stands for Spring's decoder: accepts "good-*" tokens until their expiry, refuses everything else. */
    final JwtDecoder issuerChecks = token -> {
        checked.add(token);
        if (!token.startsWith("good-")) throw new BadJwtException("bad signature");
        Instant expiresAt = START.plus(Duration.ofMinutes(Long.parseLong(token.substring(5))));
        if (!clock.instant().isBefore(expiresAt)) throw new BadJwtException("expired");
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("mona").issuedAt(START).expiresAt(expiresAt).build();
    };
    final RememberedTokens tokens = new RememberedTokens(issuerChecks, clock, nanos::get);

    @Test
    void a_token_is_checked_once_while_it_is_valid() {
        Jwt first = tokens.decode("good-60");
        later(Duration.ofMinutes(1));
        Jwt again = tokens.decode("good-60");

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("good-60");
    }

    @Test
    void an_expired_token_is_checked_again_and_refused() {
        tokens.decode("good-2");
        later(Duration.ofMinutes(2));

        assertThatThrownBy(() -> tokens.decode("good-2")).isInstanceOf(BadJwtException.class).hasMessage("expired");
        assertThat(checked).containsExactly("good-2", "good-2");
    }

    @Test
    void a_long_lived_token_is_checked_again_after_five_minutes() {
        tokens.decode("good-600");
        later(RememberedTokens.AT_MOST.minusSeconds(1));
        tokens.decode("good-600");
        later(Duration.ofSeconds(2));
        tokens.decode("good-600");

        assertThat(checked).containsExactly("good-600", "good-600");
    }

    @Test
    void a_refused_token_is_never_remembered() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(checked).containsExactly("forged", "forged", "forged");
    }

    private void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
