package org.hourbill.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hourbill.localstack.FrontDoor;
import org.hourbill.localstack.Service;
import org.hourbill.localstack.ServiceProcess;
import org.hourbill.localstack.TraceServer;
import org.hourbill.testsupport.SharedInfrastructure;
import org.hourbill.testsupport.TestIdentity;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving a test class the five services as separate processes from their runnable jars, on the shared test PostgreSQL and broker,
 * on ports 18081-18085 so that a developer's running local stack is not disturbed. Started once per test JVM.
 */
final class RunningSystem implements BeforeAllCallback, AutoCloseable {
    private static RunningSystem instance;
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private final Map<FrontDoor, ServiceProcess> frontDoor = new EnumMap<>(FrontDoor.class);
    private TraceServer traces;

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    /** Starts the services once; JUnit closes them when the whole run ends, before the database and broker stop. */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningSystem.class) {
            if (processes.isEmpty()) {
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningSystem.class, this);
                start();
            }
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> all = new ArrayList<>(processes.values());
        all.addAll(frontDoor.values());
        ServiceProcess.stopAll(all);
        processes.clear();
        frontDoor.clear();
        if (traces != null) traces.close();
    }

    private void start() throws Exception {
        SharedInfrastructure infra = SharedInfrastructure.get();
        Service.TOPICS.forEach(topic -> infra.createTopic(topic, 3));
        // the real provider signs with the test identity's key: tests mint tokens for any role, people sign in for real
        TestIdentity.get().useIssuer(frontDoorUrl(FrontDoor.AUTH_SERVER));
        Path key = Path.of("target", "identity", "signing-key.json").toAbsolutePath();
        TestIdentity.get().writeSigningKey(key);
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Path logs = Path.of("target", "service-logs").toAbsolutePath();
        List<String> jvm = org.hourbill.localstack.ServiceJvm.forManyAtOnce();
        traces = TraceServer.start(root, 10_000 + TraceServer.PORT, logs);
        frontDoor.put(FrontDoor.AUTH_SERVER, ServiceProcess.start(root, FrontDoor.AUTH_SERVER, port(FrontDoor.AUTH_SERVER), Map.of(
                "hourbill.identity.issuer", frontDoorUrl(FrontDoor.AUTH_SERVER), "hourbill.identity.signing-key-file", key.toString(),
                "hourbill.identity.console-url", frontDoorUrl(FrontDoor.GATEWAY)), logs, jvm));
        for (Service service : Service.values()) processes.put(service, launch(service));
        var routes = new java.util.HashMap<String, String>();
        for (Service service : Service.values()) {
            routes.put("hourbill.gateway.services." + service.serviceName().replace("-service", ""), url(service));
        }
        routes.put("hourbill.identity.issuer", frontDoorUrl(FrontDoor.AUTH_SERVER));
        routes.putAll(traces.exportTo());
        frontDoor.put(FrontDoor.GATEWAY, ServiceProcess.start(root, FrontDoor.GATEWAY, port(FrontDoor.GATEWAY), routes, logs, jvm));
        List<String> failures = new ArrayList<>();
        List<ServiceProcess> all = new ArrayList<>(processes.values());
        all.addAll(frontDoor.values());
        for (ServiceProcess process : all) {
            try {
                process.awaitReady(Duration.ofMinutes(4));
            } catch (IllegalStateException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) throw new IllegalStateException(String.join("; ", failures));
    }

    private ServiceProcess launch(Service service) throws java.io.IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Path logs = Path.of("target", "service-logs").toAbsolutePath();
        var properties = new java.util.HashMap<>(SharedInfrastructure.get().springProperties(service.database()));
        properties.putAll(traces.exportTo());
        if (service == Service.BILLING) {
            properties.put("hourbill.instances.frame-order-service", "http://localhost:" + port(Service.FRAME_ORDER));
            properties.put("hourbill.invoice-runs.answer-timeout", "PT2S");
            properties.put("hourbill.invoice-runs.timeout-check", "PT0.5S");
        }
        return ServiceProcess.start(root, service, port(service), properties, logs,
                org.hourbill.localstack.ServiceJvm.forManyAtOnce());
    }

    private static int port(Service service) {
        return 10_000 + service.port();
    }

    private static int port(FrontDoor app) {
        return 10_000 + app.port();
    }

    /** The identity provider (sign-in) and the gateway (web console, /api) of the running system. */
    static String frontDoorUrl(FrontDoor app) {
        return "http://localhost:" + port(app);
    }

    /** Stops one service the way ops would (SIGTERM): a participant going away in the middle of a saga. */
    synchronized void stop(Service service) {
        processes.get(service).stop();
    }

    /** Starts a stopped service again on its port and database, and waits until it is ready. */
    synchronized void restart(Service service) throws Exception {
        ServiceProcess process = launch(service);
        processes.put(service, process);
        process.awaitReady(Duration.ofMinutes(4));
    }

    String url(Service service) {
        return "http://localhost:" + port(service);
    }

    /** Health, metrics and Prometheus, open without a token on their own port. */
    String managementUrl(Service service) {
        return processes.get(service).managementUrl();
    }

    /** The gateway's (or the identity provider's) management port. */
    String managementUrl(FrontDoor app) {
        return frontDoor.get(app).managementUrl();
    }

    /** Zipkin, where every service and the gateway send their spans. */
    String tracesUrl() {
        return traces.baseUrl();
    }

    Path log(Service service) {
        return processes.get(service).log();
    }
}
