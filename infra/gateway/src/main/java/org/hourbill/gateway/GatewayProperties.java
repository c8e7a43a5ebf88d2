package org.hourbill.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hourbill.gateway.*}.
 *
 * @param services  base URLs of each service's instances by the name it has under {@code /api/<name>/}: a list, or one
 *                  host name that resolves to every instance (Docker Compose); requests are spread over them
 * @param rateLimit requests each caller may make: a burst of {@code capacity}, refilled at that many per {@code period}
 */
@ConfigurationProperties("hourbill.gateway")
public record GatewayProperties(Map<String, List<URI>> services, RateLimit rateLimit) {

    public record RateLimit(long capacity, Duration period) {
    }
}
