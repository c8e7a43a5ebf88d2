package org.hourbill.instances;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * The instances of each service, from configuration: one or more base URLs per service. A host name stands for every
 * address it resolves to, looked up on each call (the JVM caches a lookup for 30 s): in Docker Compose the service's
 * name resolves to each of its replicas, so {@code docker compose up --scale billing-service=3} needs no other change.
 * No registry to run, and the list is as fresh as DNS.
 */
public final class ConfiguredInstances implements DiscoveryClient {
    /** How long an instance that refused a connection is passed over (it is restarting, or gone). */
    static final long PASS_OVER_NANOS = 2_000_000_000L;

    private final Map<String, List<URI>> services;
    private final Function<String, List<InetAddress>> resolver;
    private final Map<String, Long> unreachableUntil = new ConcurrentHashMap<>();

    /** @param services base URLs of each service's instances, by service id ({@code frame-order-service}) */
    public ConfiguredInstances(Map<String, List<URI>> services) {
        this(services, ConfiguredInstances::resolve);
    }

    ConfiguredInstances(Map<String, List<URI>> services, Function<String, List<InetAddress>> resolver) {
        this.services = new LinkedHashMap<>(services);
        this.resolver = resolver;
    }

    /**
     * A caller could not connect to this instance: it is left out of the choice for two seconds (a passive health check).
     * When every instance of a service is, the one that failed longest ago is offered: the likeliest to be back.
     */
    public void unreachable(URI instance) {
        unreachableUntil.put(instance.getHost() + ":" + instance.getPort(), System.nanoTime() + PASS_OVER_NANOS);
    }

    @Override
    public List<ServiceInstance> getInstances(String serviceId) {
        List<ServiceInstance> all = allInstances(serviceId);
        long now = System.nanoTime();
        List<ServiceInstance> reachable = all.stream().filter(i -> passedOverUntil(i, now) - now <= 0).toList();
        if (!reachable.isEmpty() || all.isEmpty()) return reachable;
        return List.of(all.stream().min(java.util.Comparator.comparingLong(i -> passedOverUntil(i, now) - now)).orElseThrow());
    }

    private long passedOverUntil(ServiceInstance instance, long now) {
        return unreachableUntil.getOrDefault(instance.getHost() + ":" + instance.getPort(), now);
    }

    private List<ServiceInstance> allInstances(String serviceId) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (URI base : services.getOrDefault(serviceId, List.of())) {
            List<InetAddress> addresses = isLiteral(base.getHost()) ? List.of() : resolver.apply(base.getHost());
            if (addresses.size() <= 1) {
                instances.add(instance(serviceId, base, base.getHost())); // one address: keep the name (TLS, logs)
            } else {
                for (InetAddress address : addresses) instances.add(instance(serviceId, base, address.getHostAddress()));
            }
        }
        return instances;
    }

    @Override
    public List<String> getServices() {
        return List.copyOf(services.keySet());
    }

    @Override
    public String description() {
        return "Hourbill's configured service instances";
    }

    private static ServiceInstance instance(String serviceId, URI base, String host) {
        int port = base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "@" + host + ":" + port, serviceId, host, port,
                "https".equals(base.getScheme()));
    }

    private static boolean isLiteral(String host) {
        return host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":");
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return List.copyOf(new LinkedHashSet<>(List.of(InetAddress.getAllByName(host))));
        } catch (UnknownHostException e) {
            return List.of(); // not resolvable now: the call fails with the name, as it would without load balancing
        }
    }
}
