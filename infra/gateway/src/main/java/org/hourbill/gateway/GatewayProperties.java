package org.hourbill.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hourbill.gateway.*}.
 *
 * @param services  base URL of each service by the name it has under {@code /api/<name>/}
 * @param rateLimit requests each caller may make: a burst of {@code capacity}, refilled at that many per {@code period}
 */
@ConfigurationProperties("hourbill.gateway")
public record GatewayProperties(Map<String, URI> services, RateLimit rateLimit) {

    public record RateLimit(long capacity, Duration period) {
    }
}
