package org.hourbill.timesheet.adapter.out.persistence;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Runs Hibernate with its "none" bytecode provider. No entity here is enhanced, proxied or lazily loaded, and
 * ByteBuddy (about 900 classes, several MiB of metaspace) is excluded from the service, which keeps its resident
 * memory under the 300 MB the month-end close allows. Registered in META-INF/services because Hibernate looks the
 * provider up before Spring's configuration applies.
 */
public final class NoBytecodeProvider implements ServiceContributor {
    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        registry.addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
    }
}
