package org.hourbill.localstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a fault run runs on, every part a process of its own that the run can kill: PostgreSQL (durable), the Kafka
 * broker in its own JVM, the identity provider, the gateway, and {@code instances} instances of each service on their
 * own ports, in the same consumer groups, under {@code infra/local-stack/target/<name>}.
 *
 * <p>Ports from {@code base}: PostgreSQL base+432, broker base+92, provider base+900, gateway base+80, instance i of a
 * service base + 100 i + (its port - 8000); each management port 1000 above. Keep them below Linux's ephemeral range
 * (32768 and up): a restarted instance found its port taken by some client connection's local end.
 */
final class FaultStack implements AutoCloseable {
    private final Path work;
    private final int base;
    private final boolean durable = true;
    private LocalPostgres postgres;
    private BrokerProcess broker;
    private ServiceProcess identityProvider;
    private ServiceProcess gateway;
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    /** One instance of a service: which service, its name and its current process (replaced on restart). */
    static final class Instance {
        final Service service;
        final String name;
        volatile ServiceProcess process;

        Instance(Service service, String name, ServiceProcess process) {
            this.service = service;
            this.name = name;
            this.process = process;
        }
    }

    private FaultStack(Path work, int base) {
        this.work = work;
        this.base = base;
    }

    /**
     * @param properties Spring properties every service gets besides its database, broker and issuer (e.g. the
     *                   business clock of a test)
     */
    static FaultStack start(String name, int base, int instancesPerService, List<String> serviceJvm, Map<String, String> properties,
            boolean aotCache) throws Exception {
        Path root = LocalStack.projectRoot();
        Path work = root.resolve("infra/local-stack/target").resolve(name);
        BenchmarkStack.deleteRecursively(work);
        FaultStack stack = new FaultStack(work, base);
        try {
            stack.postgres = LocalPostgres.start(stack.postgresData(), base + 432, stack.durable);
            stack.postgres.ensureDatabases(List.of(Service.values()).stream().map(Service::database).toList());
            stack.broker = BrokerProcess.start(work.resolve("kafka"), base + 92, stack.logs().resolve("kafka-broker.log"));
            // every start after the first maps the classes a training run loaded (JDK 25 AOT cache): restarts are faster
            Path caches = aotCache ? root.resolve("infra/local-stack/target/aot") : null;
            Map<String, String> identity = Map.of("hourbill.identity.issuer", stack.issuer());
            stack.identityProvider = ServiceProcess.start(FrontDoor.AUTH_SERVER.appName(), prepare(FrontDoor.AUTH_SERVER.runnableJar(root),
                    caches, "auth-server", serviceJvm, identity), base + 900, identity, stack.logs(), serviceJvm);
            List<ServiceProcess> starting = new ArrayList<>();
            for (Service service : Service.values()) {
                Map<String, String> props = new LinkedHashMap<>(properties);
                props.putAll(TraceServer.NO_EXPORT);
                props.put("spring.datasource.url", stack.postgres.jdbcUrl(service.database()));
                props.put("spring.kafka.bootstrap-servers", stack.broker.bootstrapServers());
                props.put("hourbill.security.issuer", stack.issuer());
                if (service == Service.BILLING) {
                    props.put("hourbill.instances.frame-order-service", stack.urls(Service.FRAME_ORDER, instancesPerService));
                }
                AotCache.Prepared app = prepare(service.runnableJar(root), caches, service.serviceName(), serviceJvm, props);
                for (int i = 0; i < instancesPerService; i++) {
                    String instanceName = service.serviceName() + "-" + (i + 1);
                    ServiceProcess process = ServiceProcess.start(instanceName, app, stack.port(service, i), props,
                            stack.logs(), serviceJvm);
                    stack.instances.put(instanceName, new Instance(service, instanceName, process));
                    starting.add(process);
                }
            }
            Map<String, String> routes = new LinkedHashMap<>();
            for (Service service : Service.values()) {
                routes.put("hourbill.gateway.services." + service.serviceName().replace("-service", ""),
                        stack.urls(service, instancesPerService));
            }
            routes.put("hourbill.identity.issuer", stack.issuer());
            routes.putAll(TraceServer.NO_EXPORT);
            // the load drives the system as fast as it goes: no per-caller limit in the way
            routes.put("hourbill.gateway.rate-limit.capacity", "1000000");
            stack.gateway = ServiceProcess.start(FrontDoor.GATEWAY.appName(), prepare(FrontDoor.GATEWAY.runnableJar(root),
                    caches, "gateway", serviceJvm, routes), base + 80, routes, stack.logs(), serviceJvm);
            starting.add(stack.gateway);
            starting.add(stack.identityProvider);
            for (ServiceProcess process : starting) process.awaitReady(Duration.ofMinutes(5));
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    /** The application with its AOT cache, or as built when {@code caches} is null. */
    private static AotCache.Prepared prepare(Path jar, Path caches, String app, List<String> jvm, Map<String, String> training)
            throws Exception {
        return caches == null ? AotCache.Prepared.withoutCache(jar)
                : AotCache.prepare(jar, caches.resolve(app), jvm, training);
    }

    private String urls(Service service, int count) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) urls.add("http://localhost:" + port(service, i));
        return String.join(",", urls);
    }

    int port(Service service, int instance) {
        return base + 100 * instance + service.port() - 8000;
    }

    String issuer() {
        return "http://localhost:" + (base + 900);
    }

    /** Where clients go: the gateway ({@code /api/<service>/...}). */
    String gatewayUrl() {
        return "http://localhost:" + (base + 80);
    }

    String jdbcUrl(Service service) {
        return postgres.jdbcUrl(service.database());
    }

    Connection connect(Service service) throws Exception {
        return DriverManager.getConnection(jdbcUrl(service), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    List<Instance> instances() {
        return List.copyOf(instances.values());
    }

    List<Instance> instancesOf(Service service) {
        return instances.values().stream().filter(i -> i.service == service).collect(Collectors.toList());
    }

    Path logs() {
        return work.resolve("logs");
    }

    private Path postgresData() {
        return work.resolve("postgres");
    }

    /** SIGKILL of one instance; returns when the process is gone. */
    void kill(Instance instance) {
        instance.process.kill();
    }

    /** Starts a stopped or killed instance again; returns how long it took until it reported ready. */
    Duration restart(Instance instance) throws Exception {
        long started = System.nanoTime();
        instance.process = instance.process.restarted();
        instance.process.awaitReady(Duration.ofMinutes(3));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGTERM (graceful shutdown), as a rolling restart or a deployment does. */
    void stop(Instance instance) {
        instance.process.stop();
    }

    void killBroker() throws Exception {
        broker.kill();
    }

    void restartBroker() throws Exception {
        broker.restart();
    }

    void crashPostgres() throws Exception {
        postgres.crash(postgresData());
    }

    void restartPostgres() throws Exception {
        // the crashed server's handle lets go of the data directory's lock (its stop finds nothing to stop, and says so)
        try {
            postgres.close();
        } catch (Exception expected) {
            // the server is gone already
        }
        postgres = LocalPostgres.start(postgresData(), base + 432, durable);
    }

    private boolean closed;

    /** Stops everything; again (a shutdown hook after the run's own close) does nothing. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        List<ServiceProcess> all = new ArrayList<>(instances.values().stream().map(i -> i.process).toList());
        if (gateway != null) all.add(gateway);
        if (identityProvider != null) all.add(identityProvider);
        ServiceProcess.stopAll(all);
        if (broker != null) broker.stop();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("while stopping PostgreSQL: " + e);
            }
        }
    }
}
