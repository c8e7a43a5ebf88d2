package org.hourbill.authserver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Health and metrics on the management port answer without sign-in, for probes and Prometheus. Done by leaving that
 * port out of security rather than with a filter chain of our own, which would switch off Spring Boot's ready-made
 * authorization server chains.
 */
@Configuration(proxyBeanMethods = false)
class ManagementPort {

    @Bean
    WebSecurityCustomizer openManagementPort(@Value("${management.server.port:-1}") int managementPort,
            @Value("${server.port:9000}") int serverPort) {
        boolean ownPort = managementPort > 0 && managementPort != serverPort;
        return web -> web.ignoring().requestMatchers(request -> ownPort && request.getLocalPort() == managementPort);
    }
}
