package org.hourbill.localstack;

import java.nio.file.Path;
import java.util.List;

/** The five services: where their runnable jar is built, the port they listen on and the database they own. */
public enum Service {
    TIMESHEET("timesheet-service", "timesheet-app", 8081, "timesheet"),
    BILLING("billing-service", "billing-app", 8082, "billing"),
    FRAME_ORDER("frame-order-service", "frame-order-app", 8083, "frame_order"),
    INVOICE("invoice-service", "invoice-app", 8084, "invoice"),
    PAYMENT("payment-service", "payment-app", 8085, "payment");

    /** Topics created up front (the relay and the binders would create them, but with broker defaults). */
    public static final List<String> TOPICS = List.of("timesheet.events", "timesheet.commands", "frame-order.commands",
            "frame-order.events", "invoice.commands", "invoice.events", "payment.events",
            "timesheet.events.billing-service.dlq", "timesheet.events.frame-order-service.dlq",
            "timesheet.events.invoice-service.dlq", "timesheet.events.payment-service.dlq",
            "timesheet.commands.timesheet-service.dlq", "frame-order.commands.frame-order-service.dlq",
            "frame-order.events.billing-service.dlq", "invoice.commands.invoice-service.dlq",
            "invoice.events.billing-service.dlq", "invoice.events.frame-order-service.dlq",
            "invoice.events.payment-service.dlq", "invoice.events.timesheet-service.dlq", "payment.events.invoice-service.dlq");

    private final String serviceName;
    private final String module;
    private final int port;
    private final String database;

    Service(String serviceName, String module, int port, String database) {
        this.serviceName = serviceName;
        this.module = module;
        this.port = port;
        this.database = database;
    }

    public Path runnableJar(Path projectRoot) {
        return projectRoot.resolve(serviceName).resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
    }

    public String serviceName() {
        return serviceName;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String managementUrl() {
        return "http://localhost:" + ServiceProcess.managementPort(port);
    }
}
