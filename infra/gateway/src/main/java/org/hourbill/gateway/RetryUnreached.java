package org.hourbill.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.io.OutputStream;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Set;

import org.hourbill.instances.ConfiguredInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends a request to another instance only where that cannot do anything twice: any request whose connection was
 * refused or never made (the instance is down, starting or gone; nothing reached it); after any other I/O failure, an
 * idempotent request (GET, HEAD, OPTIONS, PUT, DELETE) and a POST under an {@code Idempotency-Key}. Another POST that
 * reached an instance which then failed is not sent again: the client gets 502 saying it may have taken effect. When no
 * attempt reaches a service the client gets 503 with Retry-After. Both as problem+json, never a stack trace.
 *
 * <p>A service answers 503 itself while its database is away (restarting, failing over): a request that is safe to
 * repeat is asked again, for up to {@code patience}, so the client sees a slower answer instead of an error.
 */
final class RetryUnreached implements HandlerFilterFunction<ServerResponse, ServerResponse> {
    private static final Logger log = LoggerFactory.getLogger(RetryUnreached.class);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT,
            HttpMethod.DELETE);

    private final int attempts;
    private final Duration patience;
    private final ConfiguredInstances instances;

    RetryUnreached(int attempts, Duration patience, ConfiguredInstances instances) {
        this.attempts = attempts;
        this.patience = patience;
        this.instances = instances;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        MvcUtils.getOrCacheBody(request); // read once: each attempt sends the same bytes
        boolean repeatable = IDEMPOTENT.contains(request.method()) || request.headers().firstHeader("Idempotency-Key") != null;
        long giveUp = System.nanoTime() + patience.toNanos();
        int busy = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                ServerResponse response = next.handle(request);
                if (response.statusCode().value() != 503 || !repeatable || System.nanoTime() > giveUp) return response;
                discard(request);
                busy++;
                log.info("{} {} answered 503 (attempt {}), asking again", request.method(), request.path(), busy);
                Thread.sleep(Math.min(1000L, 250L << Math.min(busy - 1, 2)));
                attempt = 0; // it was reached: the unreached count starts again
            } catch (Exception e) {
                boolean unreached = neverReached(e);
                if (unreached && MvcUtils.getAttribute(request, MvcUtils.GATEWAY_REQUEST_URL_ATTR) instanceof java.net.URI tried) {
                    instances.unreachable(tried); // the next attempts, and other requests, go elsewhere for a while
                }
                boolean again = unreached || repeatable && isIo(e);
                if (!again && isIo(e)) return failedMidway(request, e);
                if (!again) throw e;
                if (attempt >= attempts) return unavailable(request, e);
                Thread.sleep(50L * attempt); // an instance between stopping and its successor's first request
                log.info("{} {} {} ({}), trying the next", request.method(), request.path(),
                        unreached ? "did not reach an instance" : "failed on its instance, safe to repeat", rootCause(e));
            }
        }
    }

    /** The 503's connection goes back to the pool: its body is read to the end and the response closed. */
    private static void discard(ServerRequest request) {
        if (MvcUtils.getAttribute(request, MvcUtils.CLIENT_RESPONSE_ATTR) instanceof ClientHttpResponse answer) {
            try (answer; var body = answer.getBody()) {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                log.debug("discarding a 503 answer: {}", e.toString());
            }
        }
    }

    private static boolean neverReached(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) return true;
        }
        return false;
    }

    private static ServerResponse unavailable(ServerRequest request, Exception e) {
        log.warn("{} {}: no instance reachable: {}", request.method(), request.path(), rootCause(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is not reachable at the moment; nothing was changed by this request. Try again shortly.");
        problem.setTitle("Service unavailable");
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ServerResponse failedMidway(ServerRequest request, Exception e) {
        log.warn("{} {}: the instance failed while handling it: {}", request.method(), request.path(), rootCause(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The service failed while handling this"
                + " request, which may have taken effect. Look at the resource before sending it again.");
        problem.setTitle("Outcome unknown");
        return ServerResponse.status(HttpStatus.BAD_GATEWAY).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.toString();
    }
}
