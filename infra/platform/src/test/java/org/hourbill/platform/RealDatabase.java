package org.hourbill.platform;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.hourbill.testsupport.SharedInfrastructure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A database of the shared test PostgreSQL with the platform's tables, for tests without a Spring context. */
public record RealDatabase(JdbcTemplate jdbc, TransactionTemplate transaction) {
    public static RealDatabase migrated(String name) {
        SharedInfrastructure infra = SharedInfrastructure.get();
        DataSource dataSource = new DriverManagerDataSource(infra.jdbcUrl(name), infra.user(), infra.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new RealDatabase(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }
}
