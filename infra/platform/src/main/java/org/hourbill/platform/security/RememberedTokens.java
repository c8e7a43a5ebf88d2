package org.hourbill.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Checks each distinct access token once, then remembers the result until the token expires (at most
 * {@link #AT_MOST}). A client sends the same token with every request until it expires, and checking its RSA
 * signature again each time was a tenth of billing-service's CPU in the month-end close benchmark (JFR).
 *
 * <p>Only tokens that passed every check (signature, issuer, audience, expiry) are remembered, under their exact
 * text, so a forged or altered token is never served from here and always pays for the full check. Five minutes at
 * most, so a signing key the issuer withdraws stops being honoured within minutes, as with the decoder's key set cache.
 */
final class RememberedTokens implements JwtDecoder {
    static final Duration AT_MOST = Duration.ofMinutes(5);
    static final int TOKENS = 1_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> checked;

    RememberedTokens(JwtDecoder decoder) {
        this(decoder, Clock.systemUTC(), Ticker.systemTicker());
    }

    RememberedTokens(JwtDecoder decoder, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.clock = clock;
        this.checked = Caffeine.newBuilder().maximumSize(TOKENS).ticker(ticker).expireAfter(untilExpiry()).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = checked.getIfPresent(token);
        if (known != null) return known;
        Jwt jwt = decoder.decode(token);
        checked.put(token, jwt);
        return jwt;
    }

    private Expiry<String, Jwt> untilExpiry() {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                Instant now = clock.instant();
                Instant until = jwt.getExpiresAt() == null || jwt.getExpiresAt().isAfter(now.plus(AT_MOST))
                        ? now.plus(AT_MOST) : jwt.getExpiresAt();
                return Math.max(0, Duration.between(now, until).toNanos());
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return expireAfterCreate(token, jwt, currentTime);
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
