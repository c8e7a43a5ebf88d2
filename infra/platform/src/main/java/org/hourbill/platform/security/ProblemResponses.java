package org.hourbill.platform.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 as problem+json like every other error, keeping the {@code WWW-Authenticate} header RFC 6750 asks for.
 * The detail says what to do, never why a token failed in a way that helps someone forge one.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler,
        org.springframework.security.web.firewall.RequestRejectedHandler {
    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        bearer.commence(request, response, e);
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                "Send a valid, unexpired access token of this platform's issuer and audience as 'Authorization: Bearer ...'.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        denied.handle(request, response, e);
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role",
                "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
    }

    /** A path the firewall refuses (an encoded NUL, '%25', '//', '..'): 400 problem+json like any other bad input. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.web.firewall.RequestRejectedException e) throws IOException {
        write(response, HttpStatus.BAD_REQUEST, "rejected-path", "Request path refused",
                "The request path holds characters or sequences that are never part of an address of this API.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://hourbill.org/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\\", "/").replace("\"", "'")
                + "\",\"correlationId\":\"" + org.hourbill.platform.web.CorrelationIdFilter.current() + "\"}");
    }
}
