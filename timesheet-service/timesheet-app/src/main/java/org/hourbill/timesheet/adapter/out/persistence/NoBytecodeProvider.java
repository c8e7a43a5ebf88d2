package org.hourbill.timesheet.adapter.out.persistence;

import java.util.Map;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.internal.none.BytecodeProviderImpl;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.BytecodeSettings;
import org.hibernate.service.spi.ServiceContributor;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Runs Hibernate with its "none" bytecode provider. No entity here is enhanced, proxied or lazily loaded, and
 * ByteBuddy (about 900 classes, 7 MiB of resident memory) is excluded from the service, which keeps it under the
 * 300 MB the month-end close allows. Hibernate asks for a provider twice, each time through {@code ServiceLoader}
 * where ByteBuddy's is listed, unless one is given: for its service registry (this contributor, registered in
 * META-INF/services because Hibernate looks it up before Spring's configuration applies) and for entity enhancement
 * at JPA bootstrap ({@link ForEnhancement}).
 */
public final class NoBytecodeProvider implements ServiceContributor {
    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        registry.addService(BytecodeProvider.class, new BytecodeProviderImpl());
    }

    @Component
    static class ForEnhancement implements HibernatePropertiesCustomizer {
        @Override
        public void customize(Map<String, Object> properties) {
            properties.put(BytecodeSettings.BYTECODE_PROVIDER_INSTANCE, new BytecodeProviderImpl());
        }
    }
}
