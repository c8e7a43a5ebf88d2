package org.hourbill.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.RealDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the real PostgreSQL refuses becomes a client's problem naming the field, never a 500. */
class DatabaseRefusalsTest {
    static JdbcTemplate jdbc;

    @BeforeAll
    static void table() {
        jdbc = RealDatabase.migrated("platform_refusals").jdbc();
        jdbc.execute("""
                create table if not exists refusal_project (id uuid primary key, customer_id uuid not null, code text not null,
                    rate numeric(12, 2), unique (customer_id, code))""");
    }

    @Test
    void a_second_row_with_the_same_unique_key_is_409_naming_the_last_key_column() {
        UUID customer = UUID.randomUUID();
        insert(customer, "ERP", "1");
        var refusal = DatabaseRefusals.of(catchThrowable(() -> insert(customer, "ERP", "1"))).orElseThrow();
        assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refusal.field()).isEqualTo("code");
    }

    @Test
    void a_number_beyond_the_column_and_a_nul_character_are_400() {
        var overflow = DatabaseRefusals.of(catchThrowable(() -> insert(UUID.randomUUID(), "BIG", "10000000000000"))).orElseThrow();
        assertThat(overflow.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overflow.detail()).contains("number out of range");
        var nul = DatabaseRefusals.of(catchThrowable(() -> insert(UUID.randomUUID(), "A\u0000B", "1"))).orElseThrow();
        assertThat(nul.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** PostgreSQL restarting (its backends terminated) or not there at all: 503, to be asked again, never 500. */
    @Test
    void a_database_out_of_reach_is_503() {
        var terminated = DatabaseRefusals.of(catchThrowable(() -> jdbc.execute("select pg_terminate_backend(pg_backend_pid())")))
                .orElseThrow();
        assertThat(terminated.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        var nowhere = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "nobody", "none"));
        var refused = DatabaseRefusals.of(catchThrowable(() -> nowhere.queryForObject("select 1", Integer.class))).orElseThrow();
        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.type()).isEqualTo("database-unavailable");
    }

    /**
     * Through the connection pool, as a service runs: the broken connection is closed by the pool, so the rollback that
     * follows fails as well ("Connection is closed", no SQL state) and hides the first error; still 503.
     */
    @Test
    void a_connection_lost_in_a_transaction_is_503_although_its_rollback_fails_too() {
        var infra = org.hourbill.testsupport.SharedInfrastructure.get();
        var pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setJdbcUrl(infra.jdbcUrl("platform_refusals"));
        pool.setUsername(infra.user());
        pool.setPassword(infra.password());
        pool.setMaximumPoolSize(1);
        try (pool) {
            var transaction = new org.springframework.transaction.support.TransactionTemplate(
                    new org.springframework.jdbc.datasource.DataSourceTransactionManager(pool));
            var pooled = new JdbcTemplate(pool);
            Throwable failure = catchThrowable(() -> transaction.executeWithoutResult(
                    status -> pooled.execute("select pg_terminate_backend(pg_backend_pid())")));
            assertThat(failure).isInstanceOf(org.springframework.transaction.TransactionSystemException.class);
            assertThat(DatabaseRefusals.of(failure).orElseThrow().status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            // JPA's transaction manager throws the rollback's failure alone, without what the request met
            assertThat(DatabaseRefusals.databaseAway(failure.getCause())).isTrue();
        }
    }

    @Test
    void an_error_that_is_not_the_clients_is_left_to_the_last_resort() {
        assertThat(DatabaseRefusals.of(catchThrowable(() -> jdbc.execute("select * from no_such_table")))).isEmpty();
        assertThat(DatabaseRefusals.of(new IllegalStateException("bug"))).isEmpty();
    }

    private static void insert(UUID customer, String code, String rate) {
        jdbc.update("insert into refusal_project (id, customer_id, code, rate) values (?, ?, ?, ?)", UUID.randomUUID(), customer, code,
                new BigDecimal(rate));
    }
}
