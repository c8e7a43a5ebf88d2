package org.hourbill.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hourbill.localstack.Service;
import org.hourbill.localstack.ServiceProcess;
import org.hourbill.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving a test class the five services as separate processes from their runnable jars, on the shared test PostgreSQL and broker,
 * on ports 18081-18085 so that a developer's running local stack is not disturbed. Started once per test JVM.
 */
final class RunningSystem implements BeforeAllCallback, AutoCloseable {
    private static RunningSystem instance;
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);

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
        ServiceProcess.stopAll(processes.values());
        processes.clear();
    }

    private void start() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Path logs = Path.of("target", "service-logs").toAbsolutePath();
        SharedInfrastructure infra = SharedInfrastructure.get();
        for (Service service : Service.values()) {
            var properties = new java.util.HashMap<>(infra.springProperties(service.database()));
            properties.put("hourbill.outbox.relay.poll-interval", "PT0.02S");
            processes.put(service, ServiceProcess.start(root, service, 10_000 + service.port(), properties, logs,
                    List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
        }
        List<String> failures = new ArrayList<>();
        for (ServiceProcess process : processes.values()) {
            try {
                process.awaitReady(Duration.ofMinutes(4));
            } catch (IllegalStateException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) throw new IllegalStateException(String.join("; ", failures));
    }

    String url(Service service) {
        return processes.get(service).baseUrl();
    }

    Path log(Service service) {
        return processes.get(service).log();
    }
}
