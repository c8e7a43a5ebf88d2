package org.hourbill.platform.metrics;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hourbill_ready}: 1 while the readiness group (database, broker, consumers with their partitions) is UP, else 0.
 * A scrape reaches a process that is up but cannot serve; {@code up} alone would not say so.
 */
public final class ReadinessMeter {
    private ReadinessMeter() {
    }

    public static void register(MeterRegistry meters, HealthEndpoint health) {
        Gauge.builder("hourbill.ready", health, ReadinessMeter::ready).description("1 when the service is ready to serve")
                .register(meters);
    }

    private static double ready(HealthEndpoint health) {
        HealthDescriptor readiness = health.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
