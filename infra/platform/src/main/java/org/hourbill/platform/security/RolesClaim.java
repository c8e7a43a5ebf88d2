package org.hourbill.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the roles from the claim an issuer puts them in: {@code roles} for Hourbill's own server, a dotted path such as
 * {@code realm_access.roles} for Keycloak. Values become {@code ROLE_BILLING_CLERK} from {@code billing_clerk} or
 * {@code billing-clerk}, so the identity provider's spelling does not matter.
 */
final class RolesClaim implements Converter<Jwt, Collection<GrantedAuthority>> {
    private final String[] path;

    RolesClaim(String claim) {
        this.path = claim.split("\\.");
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String step : path) {
            if (!(value instanceof Map<?, ?> map)) return List.of();
            value = map.get(step);
        }
        if (!(value instanceof Collection<?> roles)) return List.of();
        return roles.stream().map(String::valueOf)
                .map(role -> role.trim().toUpperCase(Locale.ROOT).replace('-', '_'))
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
