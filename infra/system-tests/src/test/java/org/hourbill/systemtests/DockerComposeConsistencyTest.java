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
        // scalable: no host port and no container name fixed per instance; each replica has its own group member name
        assertThat(compose).doesNotContainKeys("ports", "container_name");
        Map<String, String> environment = (Map<String, String>) compose.get("environment");
        assertThat(database(environment.get("SPRING_DATASOURCE_URL"))).isEqualTo(database(ownUrl)).isEqualTo(service.database());
        assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        // spans go to the compose Zipkin; Grafana shows the provisioned dashboards over the compose Prometheus
        assertThat(environment.get("HOURBILL_ZIPKIN_URL")).isEqualTo("http://zipkin:9411");
        assertThat(services).containsKeys("zipkin", "grafana");
        assertThat(((Map<String, Object>) ((Map<String, Object>) compose.get("build")).get("args")).get("MODULE"))
                .isEqualTo(ROOT.relativize(service.runnableJar(ROOT).getParent().getParent()).toString());

        assertThat(Files.readString(ROOT.resolve("infra/docker/postgres-init.sql"))).contains("create database " + service.database() + ";");
        assertThat(environment).doesNotContainKey("HOSTNAME").containsEntry("HOURBILL_INSTANCE_ID", "$${HOSTNAME}");
        int managementPort = (Integer) ownConfig.get("management.server.port");
        // every replica is scraped: the compose name, resolved to each of them
        assertThat(Files.readString(ROOT.resolve("infra/docker/prometheus.yml")))
                .containsPattern("names: \\[" + service.serviceName() + "\\]\\s+type: A\\s+port: " + managementPort);
        assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI")).isEqualTo("http://auth-server:9000/oauth2/jwks");
        assertThat(services).containsKeys("auth-server", "gateway");
        // its AOT cache trained on a month-end, in a volume of its own at /aot, with the time to write it on stop
        assertThat(environment).containsEntry("HOURBILL_AOT", "${HOURBILL_AOT:-use}");
        assertThat((List<String>) compose.get("volumes")).containsExactly("aot-" + service.serviceName().replace("-service", "") + ":/aot");
        assertThat(compose).containsEntry("stop_grace_period", "2m");
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void billing_calls_frame_order_service_by_its_compose_name_and_port() throws IOException {
        Map<String, Object> json = applicationJson("billing-service");
        assertThat(((Map<String, Object>) ((Map<String, Object>) json.get("hourbill")).get("instances")).get("frame-order-service"))
                .isEqualTo("http://" + Service.FRAME_ORDER.serviceName() + ":" + Service.FRAME_ORDER.port());
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    @SuppressWarnings("unchecked")
    void the_gateway_routes_to_every_replica_of_each_service_by_its_compose_name(Service service) throws IOException {
        Map<String, Object> routes = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) applicationJson("gateway")
                .get("hourbill")).get("gateway")).get("services");
        assertThat(routes.get(service.serviceName().replace("-service", "")))
                .isEqualTo("http://" + service.serviceName() + ":" + service.port());
    }

    /** A process's SPRING_APPLICATION_JSON, read as Spring reads it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicationJson(String composeService) throws IOException {
        Map<String, Object> services = (Map<String, Object>) load(ROOT.resolve("docker-compose.yml")).get("services");
        Map<String, String> environment = (Map<String, String>) ((Map<String, Object>) services.get(composeService)).get("environment");
        String json = environment.get("SPRING_APPLICATION_JSON");
        assertThat(json).as(composeService + " SPRING_APPLICATION_JSON").isNotNull();
        return new Yaml().load(json); // JSON is YAML
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
