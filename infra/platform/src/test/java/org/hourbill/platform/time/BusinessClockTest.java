package org.hourbill.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class BusinessClockTest {
    private static final Instant WALL = Instant.parse("2031-05-07T14:00:00Z");

    @Test
    void without_a_start_it_is_the_system_clock() {
        Clock system = Clock.fixed(WALL, ZoneOffset.UTC);
        assertThat(BusinessClock.startingAt("", null, system)).isSameAs(system);
    }

    @Test
    void it_starts_at_the_given_instant_and_runs_on() {
        Clock business = BusinessClock.startingAt("2026-11-20T09:00:00Z", "", Clock.fixed(WALL, ZoneOffset.UTC));
        assertThat(business.instant()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
        Clock later = Clock.offset(business, Duration.ofMinutes(5));
        assertThat(later.instant()).isEqualTo(Instant.parse("2026-11-20T09:05:00Z"));
    }

    @Test
    void instances_started_minutes_apart_with_the_same_anchor_read_the_same_time() {
        String anchor = WALL.toString();
        Clock first = BusinessClock.startingAt("2026-11-20T09:00:00Z", anchor, Clock.fixed(WALL.plusSeconds(10), ZoneOffset.UTC));
        // restarted seven minutes later, after a crash: same business time as the first instance at that moment
        Clock restarted = BusinessClock.startingAt("2026-11-20T09:00:00Z", anchor,
                Clock.fixed(WALL.plusSeconds(10 + 7 * 60), ZoneOffset.UTC));
        assertThat(restarted.instant()).isEqualTo(Instant.parse("2026-11-20T09:07:10Z"));
        assertThat(first.instant()).isEqualTo(Instant.parse("2026-11-20T09:00:10Z"));
        // without the anchor the restarted instance would read 09:00:00, seven minutes behind the others
        assertThat(BusinessClock.startingAt("2026-11-20T09:00:00Z", null, Clock.fixed(WALL.plusSeconds(430), ZoneOffset.UTC)).instant())
                .isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
    }

    @Test
    void a_malformed_instant_is_named() {
        assertThatThrownBy(() -> BusinessClock.startingAt("2026-11-20", null)).hasMessageContaining("hourbill.clock.start");
        assertThatThrownBy(() -> BusinessClock.startingAt("2026-11-20T09:00:00Z", "yesterday"))
                .hasMessageContaining("hourbill.clock.started-at").hasMessageContaining("yesterday");
    }
}
