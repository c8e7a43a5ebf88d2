package org.hourbill.billing.adapter.out.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hourbill.billing.application.FrameOrderDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/**
 * Asks frame-order-service over HTTP, one of its instances per call (client-side load balancing), guarded by
 * Resilience4j: a read is asked again of the next instance when one fails, within a time limit per lookup, and a circuit
 * breaker stops asking a service that keeps failing. When it cannot answer, the review says so instead of failing; the invoice run's
 * draw-down still checks the frame order for real.
 */
@Component
class HttpFrameOrderDirectory implements FrameOrderDirectory {
    private static final Logger log = LoggerFactory.getLogger(HttpFrameOrderDirectory.class);
    static final String GUARD = "frameOrders";
    static final String SERVICE = "frame-order-service";

    private final RestClient http;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    /** @param instances load balanced over {@code hourbill.instances.frame-order-service} */
    HttpFrameOrderDirectory(@LoadBalanced RestClient.Builder instances, CircuitBreakerRegistry breakers,
            TimeLimiterRegistry timeLimiters, RetryRegistry retries) {
        this.http = instances.clone().baseUrl("http://" + SERVICE).build();
        this.breaker = breakers.circuitBreaker(GUARD);
        this.timeLimiter = timeLimiters.timeLimiter(GUARD);
        this.retry = retries.retry(GUARD);
    }

    @Override
    public Lookup openFrameOrders(UUID customerId) {
        String caller = callersToken();
        try {
            List<FrameOrder> found = breaker.executeCallable(() -> timeLimiter.executeFutureSupplier(
                    () -> CompletableFuture.supplyAsync(() -> retry.executeSupplier(() -> fetch(customerId, caller)), calls)));
            return Lookup.of(found);
        } catch (CallNotPermittedException open) {
            return Lookup.unavailable("frame-order-service is failing, so its frame orders are not shown now;"
                    + " the draw-down is still checked when the invoice is generated");
        } catch (Exception e) {
            log.warn("frame-order-service did not answer: {}", e.toString());
            return Lookup.unavailable("frame-order-service did not answer, so its frame orders are not shown now;"
                    + " the draw-down is still checked when the invoice is generated");
        }
    }

    /**
     * The signed-in person's access token, relayed: frame-order-service decides for itself whether they may read frame
     * orders, and its audit sees who asked. Read here, on the request's thread, because the call runs on another.
     */
    private static String callersToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken user) {
            return user.getToken().getTokenValue();
        }
        return null;
    }

    private List<FrameOrder> fetch(UUID customerId, String token) {
        FrameOrderJson[] body = http.get().uri("/frame-orders?customerId={c}&status=OPEN", customerId)
                .headers(headers -> {
                    if (token != null) headers.setBearerAuth(token);
                })
                .retrieve().body(FrameOrderJson[].class);
        return body == null ? List.of() : Arrays.stream(body).map(f -> new FrameOrder(f.id(), f.customerId(), f.poNumber(),
                f.totalHours(), f.remainingHours(), f.validFrom(), f.validTo(), f.status())).toList();
    }

    /** The part of frame-order-service's answer billing reads. */
    record FrameOrderJson(UUID id, UUID customerId, String poNumber, BigDecimal totalHours, BigDecimal remainingHours,
            LocalDate validFrom, LocalDate validTo, String status) {
    }
}
