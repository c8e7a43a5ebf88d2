package org.hourbill.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

class ConfiguredInstancesTest {

    @Test
    void every_configured_url_is_an_instance() {
        var instances = new ConfiguredInstances(Map.of("billing-service",
                List.of(URI.create("http://localhost:18082"), URI.create("http://127.0.0.1:28082"))));

        assertThat(instances.getInstances("billing-service")).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://localhost:18082"), URI.create("http://127.0.0.1:28082"));
        assertThat(instances.getInstances("payment-service")).isEmpty();
        assertThat(instances.getServices()).containsExactly("billing-service");
    }

    @Test
    void a_host_name_with_several_addresses_is_one_instance_per_address_as_compose_replicas_are() throws Exception {
        var replicas = List.of(InetAddress.getByAddress("billing-service", new byte[] {10, 0, 0, 5}),
                InetAddress.getByAddress("billing-service", new byte[] {10, 0, 0, 6}));
        var instances = new ConfiguredInstances(Map.of("billing-service", List.of(URI.create("http://billing-service:8082"))),
                host -> host.equals("billing-service") ? replicas : List.of());

        assertThat(instances.getInstances("billing-service")).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://10.0.0.5:8082"), URI.create("http://10.0.0.6:8082"));
    }

    @Test
    void a_host_name_that_does_not_resolve_now_stays_as_named() {
        var instances = new ConfiguredInstances(Map.of("invoice-service", List.of(URI.create("http://invoice-service:8084"))),
                host -> List.of());

        assertThat(instances.getInstances("invoice-service")).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://invoice-service:8084"));
    }

    @Test
    void when_every_instance_refused_the_one_that_refused_longest_ago_is_offered() throws Exception {
        var instances = new ConfiguredInstances(Map.of("billing-service",
                List.of(URI.create("http://127.0.0.1:18082"), URI.create("http://127.0.0.1:28082"))));

        instances.unreachable(URI.create("http://127.0.0.1:28082/reviews"));
        Thread.sleep(5);
        instances.unreachable(URI.create("http://127.0.0.1:18082/reviews"));

        assertThat(instances.getInstances("billing-service")).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://127.0.0.1:28082"));
    }

    @Test
    void an_instance_that_refused_a_connection_is_passed_over_unless_it_is_the_only_one() {
        var instances = new ConfiguredInstances(Map.of("billing-service",
                List.of(URI.create("http://127.0.0.1:18082"), URI.create("http://127.0.0.1:28082")),
                "payment-service", List.of(URI.create("http://127.0.0.1:18085"))));

        instances.unreachable(URI.create("http://127.0.0.1:18082/reviews"));
        instances.unreachable(URI.create("http://127.0.0.1:18085/payments"));

        assertThat(instances.getInstances("billing-service")).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://127.0.0.1:28082"));
        assertThat(instances.getInstances("payment-service")).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://127.0.0.1:18085"));
    }
}
