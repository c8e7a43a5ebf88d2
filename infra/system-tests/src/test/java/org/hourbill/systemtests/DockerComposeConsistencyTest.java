package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hourbill.localstack.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine here, so docker-compose.yml is checked against the services' own configuration: every
 * service is there, on the port it listens on, with the database it owns, created by the init script and
 * scraped by Prometheus.
 */
class DockerComposeConsistencyTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/(\\w+)");

    @ParameterizedTest
    @EnumSource(Service.class)
    @SuppressWarnings("unchecked")
    void compose_runs_each_service_on_its_own_port_and_database(Service service) throws IOException {
        Map<String, Object> services = (Map<String, Object>) load(ROOT.resolve("docker-compose.yml")).get("services");
        assertThat(services).containsKeys("kafka", "postgres", "prometheus", service.serviceName());
        Map<String, Object> compose = (Map<String, Object>) services.get(service.serviceName());

        Map<String, Object> ownConfig = load(ROOT.resolve(service.runnableJar(ROOT).getParent().getParent()
                .resolve("src/main/resources/application.yml")));
        int port = (Integer) ((Map<String, Object>) ownConfig.get("server")).get("port");
        String ownUrl = (String) ((Map<String, Object>) ((Map<String, Object>) ownConfig.get("spring")).get("datasource")).get("url");

        assertThat(port).isEqualTo(service.port());
        assertThat((List<String>) compose.get("ports")).containsExactly(port + ":" + port);
        Map<String, String> environment = (Map<String, String>) compose.get("environment");
        assertThat(database(environment.get("SPRING_DATASOURCE_URL"))).isEqualTo(database(ownUrl)).isEqualTo(service.database());
        assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(((Map<String, Object>) ((Map<String, Object>) compose.get("build")).get("args")).get("MODULE"))
                .isEqualTo(ROOT.relativize(service.runnableJar(ROOT).getParent().getParent()).toString());

        assertThat(Files.readString(ROOT.resolve("infra/docker/postgres-init.sql"))).contains("create database " + service.database() + ";");
        int managementPort = (Integer) ownConfig.get("management.server.port");
        assertThat(Files.readString(ROOT.resolve("infra/docker/prometheus.yml"))).contains(service.serviceName() + ":" + managementPort);
        assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI")).isEqualTo("http://auth-server:9000/oauth2/jwks");
        assertThat(services).containsKeys("auth-server", "gateway");
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void billing_calls_frame_order_service_by_its_compose_name_and_port() throws IOException {
        Map<String, Object> services = (Map<String, Object>) load(ROOT.resolve("docker-compose.yml")).get("services");
        Map<String, String> environment = (Map<String, String>) ((Map<String, Object>) services.get("billing-service")).get("environment");
        assertThat(environment.get("HOURBILL_FRAMEORDERSERVICE_URL"))
                .isEqualTo("http://" + Service.FRAME_ORDER.serviceName() + ":" + Service.FRAME_ORDER.port());
    }

    private static String database(String jdbcUrl) {
        Matcher m = DATABASE.matcher(jdbcUrl);
        assertThat(m.find()).as(jdbcUrl).isTrue();
        return m.group(1);
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }
}
