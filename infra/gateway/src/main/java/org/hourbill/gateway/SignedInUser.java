package org.hourbill.gateway;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /me}: who is signed in and with which roles, so the console shows only what the person may do. */
@RestController
class SignedInUser {

    record Me(String user, String name, List<String> roles) {
    }

    /**
     * Also hands the console its CSRF token: Spring Security writes the XSRF-TOKEN cookie only once the token is read,
     * and the console asks {@code /me} first, also right after signing in (which renews the token).
     */
    @GetMapping("/me")
    Me me(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
        csrf.getToken();
        List<String> roles = user.getClaimAsStringList("roles");
        String name = user.getClaimAsString("name");
        return new Me(user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject(),
                name != null ? name : user.getSubject(), roles == null ? List.of() : roles);
    }
}
