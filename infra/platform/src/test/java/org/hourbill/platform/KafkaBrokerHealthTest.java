package org.hourbill.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.hourbill.platform.health.KafkaBrokerHealth;
import org.hourbill.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Readiness follows the broker: UP while it answers, DOWN within seconds when it does not. */
class KafkaBrokerHealthTest {

    @Test
    void up_while_the_broker_answers() throws Exception {
        var health = new KafkaBrokerHealth(SharedInfrastructure.get().bootstrapServers());
        try {
            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
            assertThat(health.health(true).getDetails()).containsEntry("brokers", 1);
        } finally {
            health.destroy();
        }
    }

    @Test
    void down_quickly_when_no_broker_answers() throws Exception {
        var health = new KafkaBrokerHealth("localhost:1");
        try {
            Instant start = Instant.now();
            assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        } finally {
            health.destroy();
        }
    }
}
