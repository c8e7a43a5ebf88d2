package org.hourbill.testsupport;

import java.util.HashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared PostgreSQL (a database named after the service) and Kafka broker.
 * The database name is {@code hourbill.test.database} if set, else {@code spring.application.name}. With Docker,
 * {@link ContainerConnections} takes precedence for what Spring Boot connects itself; the broker address is set here
 * in both cases because the Cloud Stream binder, the outbox relay and the health check read the property.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String database = environment.getProperty("hourbill.test.database",
                environment.getRequiredProperty("spring.application.name")).replace('-', '_');
        var properties = new HashMap<String, Object>(SharedInfrastructure.get().springProperties(database));
        // traced as in production, but no trace backend runs beside a service test: nothing is sent
        properties.put("management.tracing.export.zipkin.enabled", "false");
        environment.getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
    }
}
