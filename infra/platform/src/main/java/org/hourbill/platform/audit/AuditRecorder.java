package org.hourbill.platform.audit;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hourbill.platform.security.SignedInPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every successful write a signed-in person makes (reads are not logged): after the request has completed,
 * so only what really happened is in the log. The action is the method's {@link Audited} name or its method and path.
 */
public final class AuditRecorder implements HandlerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditLog auditLog;
    private final Clock clock;

    public AuditRecorder(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (READS.contains(request.getMethod()) || response.getStatus() >= 400 || failure != null) return;
        if (!(handler instanceof HandlerMethod method)) return;
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !(user.getPrincipal() instanceof Jwt token)) return;
        Audited audited = method.getMethodAnnotation(Audited.class);
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        String action = audited != null ? audited.value() : request.getMethod() + " " + pattern;
        @SuppressWarnings("unchecked")
        Map<String, String> target = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")) // not Spring's FACTOR_* marks of how one signed in
                .map(role -> role.substring("ROLE_".length())).sorted().collect(Collectors.joining(","));
        String name = SignedInPerson.nameOf(token);
        try {
            auditLog.append(new AuditEntry(UUID.randomUUID(), clock.instant(), token.getSubject(), name, roles, action,
                    request.getMethod(), request.getRequestURI(), target == null ? Map.of() : target, response.getStatus(),
                    MDC.get("correlationId")));
        } catch (RuntimeException e) {
            // the change is committed; losing its audit line must be loud, but must not turn a success into an error
            log.error("audit entry not written for {} {} by {}", request.getMethod(), request.getRequestURI(),
                    token.getSubject(), e);
        }
    }
}
