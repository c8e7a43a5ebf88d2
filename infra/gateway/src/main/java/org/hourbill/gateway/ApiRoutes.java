package org.hourbill.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.adaptCachedBody;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.time.Duration;

import org.hourbill.instances.ConfiguredInstances;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code /api/<service>/...} goes to one instance of that service with {@code /api/<service>} taken off, chosen round
 * robin (Spring Cloud LoadBalancer over {@link ConfiguredInstances}); a request that could not reach the instance is
 * sent to the next ({@link RetryUnreached}). A signed-in browser's request gets the person's access token (token
 * relay, refreshed when it expires); an API client's own {@code Authorization: Bearer} header goes through unchanged.
 * Each service checks the token itself.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {

    /** The instances of each service, by the name it has under {@code /api/}. */
    @Bean
    ConfiguredInstances serviceInstances(GatewayProperties gateway) {
        return new ConfiguredInstances(gateway.services());
    }

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(GatewayProperties gateway, ConfiguredInstances instances) {
        RouterFunction<ServerResponse> routes = null;
        for (String service : gateway.services().keySet()) {
            // filters run in the order given: each attempt of the retry picks an instance again
            RouterFunction<ServerResponse> one = route(service)
                    .route(path("/api/" + service + "/**"), http())
                    .before(stripPrefix(2))
                    .filter(tokenRelay())
                    .filter(new RetryUnreached(4, Duration.ofSeconds(30), instances))
                    .before(adaptCachedBody())
                    .filter(lb(service))
                    .build();
            routes = routes == null ? one : routes.and(one);
        }
        if (routes == null) throw new IllegalStateException("hourbill.gateway.services names no service");
        return routes;
    }
}
