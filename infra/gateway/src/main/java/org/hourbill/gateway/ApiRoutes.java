package org.hourbill.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code /api/<service>/...} goes to that service with {@code /api/<service>} taken off. A signed-in browser's
 * request gets the person's access token (token relay, refreshed when it expires); an API client's own
 * {@code Authorization: Bearer} header goes through unchanged. Each service checks the token itself.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(GatewayProperties gateway) {
        RouterFunction<ServerResponse> routes = null;
        for (var service : gateway.services().entrySet()) {
            RouterFunction<ServerResponse> one = route(service.getKey())
                    .route(path("/api/" + service.getKey() + "/**"), http())
                    .before(uri(service.getValue()))
                    .before(stripPrefix(2))
                    .filter(tokenRelay())
                    .build();
            routes = routes == null ? one : routes.and(one);
        }
        if (routes == null) throw new IllegalStateException("hourbill.gateway.services names no service");
        return routes;
    }
}
