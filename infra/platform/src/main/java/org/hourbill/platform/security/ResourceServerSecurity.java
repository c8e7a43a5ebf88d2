package org.hourbill.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server. Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}
 * properties name the issuer, its key set and the audience, so Keycloak, Entra ID or Okta work by configuration alone;
 * Spring's decoder then checks signature, issuer, audience and expiry, once per token ({@link RememberedTokens}). Roles
 * come from {@code hourbill.security.roles-claim}.
 * Health and metrics answer without a token on the management port ({@code infra/management-port}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@EnableWebSecurity
public class ResourceServerSecurity {

    /**
     * No observations of Spring Security's own (the filter chain, authentication, authorization): they say nothing an
     * on-call engineer needs beyond the request's span. The property {@code management.observations.enable} only makes
     * them no-ops, each filter of the chain still wrapped in one; this leaves the chain undecorated.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Picked up by Spring Security's filter chain proxy: the firewall's refusals answer problem+json too. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler problemForRejectedRequests() {
        return new ProblemResponses();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<ApiAccess> access, JwtDecoder decoder,
            @Value("${hourbill.security.roles-claim:roles}") String rolesClaim) throws Exception {
        var roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(new RolesClaim(rolesClaim));
        var problems = new ProblemResponses();
        return http
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll();
                    requests.requestMatchers(HttpMethod.GET, "/audit").hasAnyRole(Roles.AUDITOR, Roles.FINANCE);
                    access.orderedStream().forEach(rules -> rules.rules(requests));
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(new RememberedTokens(decoder)).jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // tokens, not cookies: no session to hijack and nothing for CSRF to ride on
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
