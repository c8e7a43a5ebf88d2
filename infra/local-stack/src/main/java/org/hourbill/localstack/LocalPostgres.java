package org.hourbill.localstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL 17 server from zonky's binaries, its data kept in a folder so that a restart keeps it. */
final class LocalPostgres implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static LocalPostgres start(Path dataDirectory, int port, boolean durable) throws Exception {
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "300");
        String slowStatementMillis = System.getenv("HOURBILL_PG_SLOW_MS");
        if (slowStatementMillis != null) {
            // diagnosis: statements slower than this, every autovacuum and checkpoint go to <data directory>/log/postgresql.log
            builder.setServerConfig("log_min_duration_statement", slowStatementMillis)
                    .setServerConfig("log_autovacuum_min_duration", "0").setServerConfig("log_checkpoints", "on")
                    .setServerConfig("logging_collector", "on").setServerConfig("log_filename", "postgresql.log");
        }
        if (statementsProfiled()) {
            // diagnosis: where PostgreSQL's time goes, per statement (printed by the benchmarks)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        // zonky starts PostgreSQL as for tests (-F and synchronous_commit=off); a -c given later wins over -F
        builder.setServerConfig("fsync", durable ? "on" : "off").setServerConfig("synchronous_commit", durable ? "on" : "off");
        return new LocalPostgres(builder.start());
    }

    /** HOURBILL_PG_STATEMENTS=1 makes the benchmarks print the statements PostgreSQL spent its time on. */
    static boolean statementsProfiled() {
        return "1".equals(System.getenv("HOURBILL_PG_STATEMENTS"));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database + "?reWriteBatchedInserts=true";
    }

    /** Creates the databases that do not exist yet. */
    void ensureDatabases(Collection<String> names) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            for (String name : names) {
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?");
                exists.setString(1, name);
                if (!exists.executeQuery().next()) {
                    c.createStatement().execute("create database " + name);
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
