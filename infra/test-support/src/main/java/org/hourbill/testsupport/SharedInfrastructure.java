package org.hourbill.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server and one real Kafka broker for the whole test JVM, started on first use.
 *
 * <p>With a Docker engine it uses Testcontainers (PostgreSQL 17, Apache Kafka 4.1 in KRaft mode); without one it
 * starts the same servers embedded: zonky's PostgreSQL 17 binaries and spring-kafka-test's in-process KRaft
 * broker. Each service gets its own database on the one server, as in production.
 */
public final class SharedInfrastructure {
    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static SharedInfrastructure instance;

    private final String jdbcBase;
    private final String user;
    private final String password;
    private final String bootstrapServers;
    private final Set<String> databases = new HashSet<>();
    private final AutoCloseable stop;
    private final PostgreSQLContainer postgresContainer;
    private final KafkaContainer kafkaContainer;

    private SharedInfrastructure(String jdbcBase, String user, String password, String bootstrapServers, AutoCloseable stop,
            PostgreSQLContainer postgresContainer, KafkaContainer kafkaContainer) {
        this.jdbcBase = jdbcBase;
        this.user = user;
        this.password = password;
        this.bootstrapServers = bootstrapServers;
        this.stop = stop;
        this.postgresContainer = postgresContainer;
        this.kafkaContainer = kafkaContainer;
    }

    /** True when the servers are Testcontainers (a Docker engine answered); Spring contexts then get {@link ContainerConnections}. */
    public boolean usesContainers() {
        return postgresContainer != null;
    }

    PostgreSQLContainer postgresContainer() {
        return postgresContainer;
    }

    KafkaContainer kafkaContainer() {
        return kafkaContainer;
    }

    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            long start = System.nanoTime();
            instance = dockerAnswers() ? containers() : embedded();
            log.info("Test infrastructure up in {} ms: {} / {}", (System.nanoTime() - start) / 1_000_000, instance.jdbcBase,
                    instance.bootstrapServers);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    instance.stop.close();
                } catch (Exception e) {
                    log.debug("stopping test infrastructure: {}", e.toString());
                }
            }, "test-infrastructure-stop"));
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** JDBC URL of a database of this name, created on first request. */
    public synchronized String jdbcUrl(String database) {
        if (databases.add(database)) {
            try (Connection c = DriverManager.getConnection(jdbcBase + "postgres", user, password)) {
                c.createStatement().execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + database, e);
            }
        }
        return jdbcBase + database + "?reWriteBatchedInserts=true";
    }

    /**
     * Creates a topic (as deployments do up front) and waits until it exists; auto-created topics race producers.
     * A topic that exists already is left as it is.
     */
    public void createTopic(String name, int partitions) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic(name, partitions, (short) 1)))
                    .all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Database, broker, the test JVM's identity provider ({@link TestIdentity}) that the services trust, and the business date ({@link TestClock}). */
    public Map<String, String> springProperties(String database) {
        var properties = new java.util.HashMap<>(TestIdentity.get().springProperties());
        properties.putAll(Map.of(
                "spring.datasource.url", jdbcUrl(database),
                "spring.datasource.username", user,
                "spring.datasource.password", password,
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "hourbill.clock.start", TestClock.START,
                "hourbill.clock.started-at", TestClock.STARTED_AT));
        return Map.copyOf(properties);
    }

    private static boolean dockerAnswers() {
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!hint) return false;
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static SharedInfrastructure containers() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        postgres.start();
        kafka.start();
        String base = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
        return new SharedInfrastructure(base, postgres.getUsername(), postgres.getPassword(), kafka.getBootstrapServers(), () -> {
            kafka.stop();
            postgres.stop();
        }, postgres, kafka);
    }

    private static SharedInfrastructure embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            EmbeddedKafkaBroker kafka = new EmbeddedKafkaKraftBroker(1, 1)
                    .brokerProperties(Map.of(
                            "offsets.topic.num.partitions", "1",
                            "transaction.state.log.num.partitions", "1",
                            "group.initial.rebalance.delay.ms", "0",
                            "num.partitions", "3",
                            "auto.create.topics.enable", "true"));
            kafka.afterPropertiesSet();
            String base = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
            return new SharedInfrastructure(base, "postgres", "postgres", kafka.getBrokersAsString(), () -> {
                kafka.destroy();
                postgres.close();
            }, null, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL and Kafka", e);
        }
    }
}
