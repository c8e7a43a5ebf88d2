package org.hourbill.authserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Users, and what Hourbill's tokens say about them: roles, a readable name, and the API audience. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    UserDetailsService users(IdentityProperties identity) {
        var users = identity.users().stream().map(user -> User.withUsername(user.name()).password(user.password())
                .authorities(user.roles().stream().map(role -> "ROLE_" + role.toUpperCase(Locale.ROOT)).toArray(String[]::new))
                .build()).toList();
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Access tokens carry {@code roles} and the API audience; ID tokens carry the roles and the person's name so the
     * console can show who is signed in. A client acting for itself gets the roles configured for it.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesAndAudience(IdentityProperties identity) {
        return context -> {
            List<String> roles;
            String name;
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                String client = context.getRegisteredClient().getClientId();
                roles = identity.clientRoles().getOrDefault(client, List.of());
                name = client;
            } else {
                Set<String> authorities = AuthorityUtils.authorityListToSet(context.getPrincipal().getAuthorities());
                roles = authorities.stream().filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring(5).toLowerCase(Locale.ROOT)).sorted().collect(Collectors.toList());
                name = context.getPrincipal().getName();
            }
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) return;
            context.getClaims().claim("roles", roles).claim("preferred_username", name);
            identity.users().stream().filter(user -> user.name().equals(name)).findFirst()
                    .ifPresent(user -> context.getClaims().claim("name", user.fullName()));
            if (accessToken) {
                List<String> audience = new ArrayList<>(List.of(identity.audience()));
                audience.add(context.getRegisteredClient().getClientId());
                context.getClaims().audience(audience);
            }
        };
    }

}
