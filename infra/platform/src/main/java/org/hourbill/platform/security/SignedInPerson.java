package org.hourbill.platform.security;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is acting, from the validated token, for records that name a person (who sent an invoice, who voided it).
 * Taken from the token, never from the request body, so nobody can act in another's name. The name is the one the
 * audit log uses: the user name, else the display name, else the subject (a machine client's id).
 */
public final class SignedInPerson {
    private SignedInPerson() {
    }

    public static String name() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no signed-in person: the request passed no bearer token check");
        }
        return nameOf(token.getToken());
    }

    public static String nameOf(Jwt jwt) {
        if (jwt.getClaimAsString("preferred_username") != null) return jwt.getClaimAsString("preferred_username");
        if (jwt.getClaimAsString("name") != null) return jwt.getClaimAsString("name");
        return jwt.getSubject();
    }
}
