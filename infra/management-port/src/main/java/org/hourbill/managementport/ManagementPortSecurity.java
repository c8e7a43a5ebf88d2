package org.hourbill.managementport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Health, metrics and Prometheus answer on the management port without sign-in, for probes and Prometheus; ops keep
 * that port off the public network. On the API port they stay behind sign-in like everything else.
 * <p>
 * The port is left out of security altogether rather than given a permit-all filter chain of its own: a chain bean
 * would switch off Spring Boot's ready-made authorization server chains in the provider, and this way the same rule
 * serves the provider, the gateway and the services. (Spring Security logs that ignoring is not recommended; for
 * an internal port with no user data it is what we want.)
 */
@AutoConfiguration
public class ManagementPortSecurity {

    @Bean
    WebSecurityCustomizer openManagementPort(@Value("${management.server.port:-1}") int managementPort,
            @Value("${server.port:8080}") int serverPort) {
        boolean ownPort = managementPort > 0 && managementPort != serverPort;
        return web -> web.ignoring().requestMatchers(request -> ownPort && request.getLocalPort() == managementPort);
    }
}
