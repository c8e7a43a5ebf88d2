package org.hourbill.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules: which role may call which of its endpoints. The platform applies them after the
 * public paths (API docs) and denies every request they do not name, so a new endpoint is closed until a rule opens it.
 */
@FunctionalInterface
public interface ApiAccess {

    void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
