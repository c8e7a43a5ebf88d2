package org.hourbill.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id}, or a new one), puts it in the
 * logging MDC and echoes it back. The outbox copies it into the events the request causes, and consumers put
 * it back into the MDC, so one id follows a piece of work across services.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** The request keeps its id too: the container's error dispatch ({@code /error}) runs after this filter is done. */
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The correlation id of the work in progress on this thread, or null outside one. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** The correlation id of a request, also while the container dispatches its error. */
    public static String of(HttpServletRequest request) {
        String current = current();
        return current != null ? current : (String) request.getAttribute(ATTRIBUTE);
    }
}
