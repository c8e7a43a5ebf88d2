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
            // diagnosis: statements slower than this, lock waits longer than it, every autovacuum and checkpoint go to
            // <data directory>/log/postgresql.log (a lock wait is logged once the deadlock check runs, after deadlock_timeout)
            builder.setServerConfig("log_min_duration_statement", slowStatementMillis)
                    .setServerConfig("log_lock_waits", "on").setServerConfig("deadlock_timeout", slowStatementMillis + "ms")
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

    /**
     * Crashes the server as {@code pg_ctl stop -m immediate} does, by sending its postmaster SIGQUIT (pg_ctl refuses to
     * run as root, which zonky's server runs as here): no checkpoint, every connection breaks, the next start replays
     * the WAL.
     */
    void crash(Path dataDirectory) throws Exception {
        String data = dataDirectory.toAbsolutePath().toString();
        ProcessHandle postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(data)).orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no PostgreSQL runs on " + data));
        Process quit = new ProcessBuilder("kill", "-QUIT", String.valueOf(postmaster.pid())).redirectErrorStream(true).start();
        String output = new String(quit.getInputStream().readAllBytes());
        if (quit.waitFor() != 0) throw new IllegalStateException("kill -QUIT failed: " + output);
        // not our child: its end is seen in /proc (gone, or a zombie nobody reaps)
        Path stat = Path.of("/proc", String.valueOf(postmaster.pid()), "stat");
        for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
            try {
                String state = java.nio.file.Files.readString(stat);
                if (state.substring(state.lastIndexOf(')') + 2).startsWith("Z")) return;
            } catch (java.io.IOException gone) {
                return;
            }
        }
        throw new IllegalStateException("PostgreSQL did not stop within 30 s of SIGQUIT");
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
