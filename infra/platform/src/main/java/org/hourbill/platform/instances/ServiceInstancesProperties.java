package org.hourbill.platform.instances;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hourbill.instances.<service-id>}: base URLs of the instances of each service this one calls over HTTP, a list
 * or one host name that resolves to all of them (Docker Compose). Calls go through a {@code @LoadBalanced}
 * {@code RestClient.Builder} to {@code http://<service-id>/...}.
 */
@ConfigurationProperties("hourbill")
public record ServiceInstancesProperties(Map<String, List<URI>> instances) {
    public ServiceInstancesProperties {
        instances = instances == null ? Map.of() : instances;
    }
}
