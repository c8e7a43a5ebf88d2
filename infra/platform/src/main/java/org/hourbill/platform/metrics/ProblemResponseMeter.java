package org.hourbill.platform.metrics;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code hourbill_problem_responses_total{status}}: every RFC 9457 answer, whichever part of the service wrote it
 * (validation, the domain's refusals, security, the container's error page), counted in one place by its media type.
 */
public class ProblemResponseMeter extends OncePerRequestFilter {
    private final MeterRegistry meters;

    public ProblemResponseMeter(MeterRegistry meters) {
        this.meters = meters;
        for (int status : new int[] {400, 401, 403, 404, 409, 422, 500, 503}) counter(status);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            String type = response.getContentType();
            if (type != null && type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) counter(response.getStatus()).increment();
        }
    }

    /** The container's error dispatch writes problems too (a 404 of an unknown path). */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private Counter counter(int status) {
        return Counter.builder("hourbill.problem.responses").description("problem+json responses sent")
                .tag("status", String.valueOf(status)).register(meters);
    }
}
