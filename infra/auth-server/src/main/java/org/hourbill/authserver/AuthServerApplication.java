package org.hourbill.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Hourbill's own OpenID Connect provider for the local stack and tests: Spring Authorization Server with Spring Boot's
 * defaults (authorization code with PKCE, client credentials, refresh, discovery, JWK set, sign-in form), the clients
 * of application.yml and the demo users of {@link IdentityProperties}.
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
