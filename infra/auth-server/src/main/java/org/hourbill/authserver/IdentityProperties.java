package org.hourbill.authserver;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hourbill.identity.*}: the people who may sign in, the roles of clients that act for no person (the demo data
 * loader, benchmarks), and the audience every access token is meant for.
 *
 * @param users       demo users: name, password (a Spring Security password, e.g. {@code {noop}...} locally) and roles
 * @param clientRoles roles given to a client's own tokens (client credentials), by client id
 * @param audience    the {@code aud} the services check
 */
@ConfigurationProperties("hourbill.identity")
public record IdentityProperties(List<User> users, Map<String, List<String>> clientRoles, String audience) {

    public record User(String name, String fullName, String password, List<String> roles) {
    }
}
