package org.hourbill.billing.adapter.out.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.hourbill.billing.application.SagaMeters;
import org.hourbill.billing.domain.run.RunStep;
import org.hourbill.platform.transaction.AfterCommit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The saga's metrics, counted once committed:
 * <ul>
 * <li>{@code hourbill_saga_step_duration_seconds{step}}: how long runs stayed in each step (a histogram);</li>
 * <li>{@code hourbill_invoice_runs_total{outcome}}: runs ended, completed or failed;</li>
 * <li>{@code hourbill_billing_run_launches_total{outcome}}: billing-run customers whose invoice run started or failed;</li>
 * <li>{@code hourbill_invoice_runs_active} and {@code hourbill_invoice_runs_oldest_active_age_seconds}: runs not ended
 * yet, read from the database (all instances' runs) every 10 s; the age is what the "runs not ending" alert watches;</li>
 * <li>{@code hourbill_billing_runs_running}: billing runs started and not finished.</li>
 * </ul>
 */
@Component
class MicrometerSagaMeters implements SagaMeters {
    private final MeterRegistry meters;
    private final JdbcTemplate jdbc;
    private final AtomicLong activeRuns = new AtomicLong();
    private final AtomicLong oldestActiveSeconds = new AtomicLong();
    private final AtomicLong runningBillingRuns = new AtomicLong();

    private final Clock clock;

    MicrometerSagaMeters(MeterRegistry meters, JdbcTemplate jdbc, Clock clock) {
        this.clock = clock;
        this.meters = meters;
        this.jdbc = jdbc;
        for (RunStep step : RunStep.values()) {
            if (step.finished()) runs(step);
            else stepTimer(step);
        }
        launches(true);
        launches(false);
        Gauge.builder("hourbill.invoice.runs.active", activeRuns, AtomicLong::get).description("invoice runs not ended yet")
                .register(meters);
        Gauge.builder("hourbill.invoice.runs.oldest.active.age", oldestActiveSeconds, AtomicLong::get).baseUnit("seconds")
                .description("age of the oldest invoice run not ended yet").register(meters);
        Gauge.builder("hourbill.billing.runs.running", runningBillingRuns, AtomicLong::get)
                .description("billing runs started and not finished").register(meters);
    }

    @Override
    public void stepLeft(RunStep step, Duration time) {
        AfterCommit.run(() -> stepTimer(step).record(time));
    }

    @Override
    public void runEnded(RunStep end) {
        AfterCommit.run(() -> runs(end).increment());
    }

    @Override
    public void customerLaunched(boolean started) {
        AfterCommit.run(() -> launches(started).increment());
    }

    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT1S")
    void readActiveRuns() {
        try {
            readFromDatabase();
        } catch (org.springframework.dao.DataAccessException e) {
            // the database is away: readiness says so; the gauges keep their last reading
        }
    }

    private void readFromDatabase() {
        jdbc.query("""
                select count(*), coalesce(extract(epoch from ? - min(started_at)), 0) from invoice_run where finished_at is null""",
                rs -> {
                    activeRuns.set(rs.getLong(1));
                    oldestActiveSeconds.set(rs.getLong(2));
                }, Timestamp.from(clock.instant()));
        runningBillingRuns.set(jdbc.queryForObject("""
                select count(*) from billing_run r where r.status = 'STARTED' and exists (
                    select 1 from billing_run_customer c left join invoice_run i on i.id = c.invoice_run_id
                    where c.run_id = r.id and c.held_reason is null and c.launch_failure is null
                      and (c.invoice_run_id is null or i.invoice_number is null and i.failure_reason is null))""", Long.class));
    }

    private Timer stepTimer(RunStep step) {
        return Timer.builder("hourbill.saga.step.duration").description("time an invoice run spent in a step of the saga")
                .tag("step", step.name().toLowerCase(Locale.ROOT)).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofMinutes(10)).register(meters);
    }

    private Counter runs(RunStep end) {
        return Counter.builder("hourbill.invoice.runs").description("invoice runs ended")
                .tag("outcome", end.name().toLowerCase(Locale.ROOT)).register(meters);
    }

    private Counter launches(boolean started) {
        return Counter.builder("hourbill.billing.run.launches").description("customers of billing runs launched")
                .tag("outcome", started ? "started" : "failed").register(meters);
    }
}
