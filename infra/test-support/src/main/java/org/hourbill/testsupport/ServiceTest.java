package org.hourbill.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of one whole service against the real PostgreSQL and Kafka of {@link SharedInfrastructure}: with Docker the
 * shared Testcontainers as {@code @ServiceConnection}s ({@link ContainerConnections}), without it the embedded servers.
 * Keep the annotation set identical across a module's tests so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@Import({ContainerConnections.class, SignedInCaller.class})
public @interface ServiceTest {
}
