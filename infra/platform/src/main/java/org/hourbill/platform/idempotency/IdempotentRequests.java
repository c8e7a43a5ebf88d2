package org.hourbill.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hourbill.platform.web.CorrelationIdFilter;
import org.hourbill.platform.web.DatabaseRefusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out a POST or PATCH sent under an {@code Idempotency-Key} at most once per caller and key, so a client, or
 * the gateway after an instance died with the request in hand, can send it again without doing anything twice.
 *
 * <p>The key is claimed, the request handled and its answer remembered in one transaction, which the handler's own
 * joins: the change and the remembered answer commit together or not at all. The same key again gets the remembered
 * answer (with {@code Idempotent-Replayed: true}); under another request's key, 422. Only successful answers are
 * remembered: after a refusal (4xx) or a failure the request is carried out anew when sent again. Requests without
 * the header are handled as before; PUT and DELETE are idempotent by themselves.
 */
public final class IdempotentRequests extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    private final RememberedAnswers answers;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public IdempotentRequests(RememberedAnswers answers, TransactionTemplate transaction, JsonMapper json) {
        this.answers = answers;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PATCH".equals(method)) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request",
                    "The Idempotency-Key header must hold 1 to 200 characters.", HEADER);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        String caller = caller();
        var kept = new BodyKept(request, body);
        var answer = new ContentCachingResponseWrapper(response);
        Optional<RememberedAnswers.Answer> earlier;
        var answered = new java.util.concurrent.atomic.AtomicBoolean(); // an answer stands that keeps nothing
        try {
            earlier = transaction.execute(status -> {
                Optional<RememberedAnswers.Answer> first = answers.claim(caller, key, fingerprint);
                if (first.isPresent()) return first;
                handle(chain, kept, answer);
                int code = answer.getStatus();
                if (code >= 200 && code < 300 && !status.isRollbackOnly()) {
                    answers.remember(caller, key, code, answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
                            answer.getContentAsByteArray());
                } else if (code >= 200 && code < 300) {
                    // the handler said yes but something under it failed and asked for a rollback: nothing was kept
                    log.warn("{} {} answered {} but its transaction was marked for rollback", request.getMethod(),
                            request.getRequestURI(), code);
                    answer.reset();
                    try {
                        problem(answer, HttpStatus.CONFLICT, "concurrent-change", "Not carried out",
                                "Nothing was changed: something changed at the same moment. Send the request again.", null);
                    } catch (IOException e) {
                        throw new Wrapped(e);
                    }
                    status.setRollbackOnly();
                    answered.set(true);
                } else {
                    status.setRollbackOnly(); // refused or failed: nothing of it is kept, so the key stays free
                    answered.set(true);
                }
                return Optional.<RememberedAnswers.Answer>empty();
            });
        } catch (RuntimeException e) {
            if (e instanceof Wrapped w) rethrow(w);
            if (answered.get()) {
                // the answer stood and only the rollback failed (the connection is gone; JDBC and JPA say so differently):
                // PostgreSQL drops the unfinished transaction itself
                log.warn("{} {}: rollback failed ({}); answering {}", request.getMethod(), request.getRequestURI(), e.toString(),
                        answer.getStatus());
                answer.copyBodyToResponse();
                return;
            }
            // refused at the claim or at the commit (database away, a race the commit lost): nothing was kept, and the
            // same key may be sent again
            var refusal = DatabaseRefusals.of(e).orElseThrow(() -> e);
            log.warn("{} {} under an Idempotency-Key: {} ({})", request.getMethod(), request.getRequestURI(), refusal.title(), e.toString());
            answer.reset();
            if (refusal.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseRefusals.RETRY_AFTER_SECONDS));
            }
            problem(answer, refusal.status(), refusal.type(), refusal.title(), refusal.detail(), refusal.field());
            answer.copyBodyToResponse();
            return;
        }
        if (earlier != null && earlier.isPresent()) {
            replay(earlier.get(), fingerprint, response);
            return;
        }
        answer.copyBodyToResponse();
    }

    private void replay(RememberedAnswers.Answer first, String fingerprint, HttpServletResponse response) throws IOException {
        if (!first.fingerprint().equals(fingerprint)) {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key already used",
                    "This Idempotency-Key was used for another request; use a new key for each request.", HEADER);
            return;
        }
        response.setStatus(first.status());
        if (first.contentType() != null) response.setContentType(first.contentType());
        if (first.location() != null) response.setHeader(HttpHeaders.LOCATION, first.location());
        response.setHeader("Idempotent-Replayed", "true");
        if (first.body() != null) {
            response.setContentLength(first.body().length);
            response.getOutputStream().write(first.body());
        }
    }

    private static void handle(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new Wrapped(e);
        }
    }

    private static void rethrow(Wrapped w) throws IOException, ServletException {
        if (w.getCause() instanceof IOException io) throw io;
        throw (ServletException) w.getCause();
    }

    /** A checked exception of the filter chain, carried through the transaction callback. */
    private static final class Wrapped extends RuntimeException {
        Wrapped(Exception cause) {
            super(cause);
        }
    }

    /** Keys are the caller's own: two clients choosing the same key never see each other's answers. */
    private static String caller() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user.getName() == null ? "anonymous" : user.getName();
    }

    /** The same key is only the same request for the same method, path, query and body. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + ' ' + request.getRequestURI() + '?' + request.getQueryString() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String title, String detail, String field)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://hourbill.org/problems/" + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (field != null) problem.put("errors", java.util.List.of(Map.of("field", field, "message", detail)));
        problem.put("correlationId", CorrelationIdFilter.current());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        try {
            response.getOutputStream().write(json.writeValueAsBytes(problem));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The request with its body read once, for the fingerprint, and offered again to the handler. */
    private static final class BodyKept extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyKept(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
