package org.hourbill.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * With a Docker engine, the shared containers become the context's service connections ({@code @ServiceConnection}):
 * Spring Boot takes the database and broker from the containers themselves. The containers are the JVM's shared
 * ones, so a context never stops them ({@code destroyMethod = ""}). Without Docker this adds nothing and
 * {@link RealInfrastructureInitializer} points the context at the embedded servers.
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(ContainerConnections.DockerInUse.class)
public class ContainerConnections {

    @Bean(destroyMethod = "")
    @ServiceConnection
    PostgreSQLContainer postgres() {
        return SharedInfrastructure.get().postgresContainer();
    }

    @Bean(destroyMethod = "")
    @ServiceConnection
    KafkaContainer kafka() {
        return SharedInfrastructure.get().kafkaContainer();
    }

    static class DockerInUse implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return SharedInfrastructure.get().usesContainers();
        }
    }
}
