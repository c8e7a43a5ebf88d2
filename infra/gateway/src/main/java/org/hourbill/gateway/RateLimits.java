package org.hourbill.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A token bucket per caller on {@code /api/**} (Bucket4j): the signed-in person, else the API client's token, else the
 * address. Over the limit the answer is 429 problem+json with {@code Retry-After} saying when to try again, so a
 * runaway script slows down instead of starving month-end for everyone.
 */
final class RateLimits extends OncePerRequestFilter {
    private final long capacity;
    private final Duration period;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(GatewayProperties.RateLimit limit) {
        this.capacity = limit.capacity();
        this.period = limit.period();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.computeIfAbsent(caller(request), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://hourbill.org/problems/rate-limited\",\"title\":\"Too many requests\","
                + "\"status\":429,\"detail\":\"More than " + capacity + " requests in " + period.toSeconds()
                + " s; try again in " + seconds + " s.\"}");
    }

    private static String caller(HttpServletRequest request) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && !"anonymousUser".equals(user.getPrincipal())) {
            return "user:" + user.getName();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) return "token:" + sha256(authorization);
        return "address:" + request.getRemoteAddr();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
