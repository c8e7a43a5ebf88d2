package org.hourbill.localstack;

import java.nio.file.Path;

/** What stands in front of the services: the identity provider people sign in with, and the gateway. */
public enum FrontDoor {
    AUTH_SERVER("auth-server", 9000),
    GATEWAY("gateway", 8080);

    /** The local stack's machine client: loads demo data and drives the benchmarks (approver, billing clerk, finance). */
    public static final String LOADER_CLIENT = "hourbill-loader:loader-secret";

    private final String appName;
    private final int port;

    FrontDoor(String appName, int port) {
        this.appName = appName;
        this.port = port;
    }

    public Path runnableJar(Path projectRoot) {
        return projectRoot.resolve("infra").resolve(appName).resolve("target").resolve(appName + "-0.1.0-SNAPSHOT-exec.jar");
    }

    public String appName() {
        return appName;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
