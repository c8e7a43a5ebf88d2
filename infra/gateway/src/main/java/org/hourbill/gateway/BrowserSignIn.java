package org.hourbill.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Backend-for-frontend sign-in: the browser signs in with OpenID Connect (authorization code with PKCE) and then holds
 * only the session cookie; tokens stay here and are relayed to the services. API clients instead send their own bearer
 * token, which passes through to the services untouched. Browser writes carry a CSRF token (cookie + header, as
 * single-page applications do); requests with a bearer token cannot be forged cross-site and need none.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class BrowserSignIn {
    private static final RequestMatcher API_CLIENT = BrowserSignIn::hasBearerToken;
    private static final RequestMatcher NEEDS_SESSION = request -> request.getRequestURI().startsWith("/api/")
            || request.getRequestURI().equals("/me");

    @Bean
    SecurityFilterChain browserAndApi(HttpSecurity http, GatewayProperties gateway) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(API_CLIENT).permitAll()
                        .requestMatchers(NEEDS_SESSION).authenticated()
                        // the console's own files, sign-in and sign-out: the console asks /me and signs in if it must
                        .anyRequest().permitAll())
                .oauth2Login(login -> login.defaultSuccessUrl("/", true))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                // an API call without a session is 401, not a redirect to a sign-in page a script cannot follow
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), NEEDS_SESSION))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(API_CLIENT))
                .addFilterAfter(new RateLimits(gateway.rateLimit()), AuthorizationFilter.class)
                .build();
    }

    /** Relayed tokens are refreshed with the refresh token when they expire, so a long review is not cut short. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    private static boolean hasBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && request.getRequestURI().startsWith("/api/");
    }
}
