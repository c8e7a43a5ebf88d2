package org.hourbill.invoice.domain;

import java.util.Set;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

/**
 * Where a customer receives e-invoices (EN 16931 BT-49): an address under a scheme of the EAS code list, e.g.
 * {@code EM} for e-mail, {@code 0204} for a German Leitweg-ID, {@code 0088} for a GLN. XRechnung requires one.
 */
public record ElectronicAddress(UUID customerId, String scheme, String address) {
    private static final Set<String> SCHEMES = Set.of("EM", "0204", "0088", "0060", "9930", "0007", "0192", "0208", "9925");

    public ElectronicAddress {
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw new InvalidField("scheme", "the scheme must be one of " + new java.util.TreeSet<>(SCHEMES) + " (EAS code list)");
        }
        if (address == null || address.isBlank()) throw new InvalidField("address", "the electronic address is required");
        if (scheme.equals("EM") && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidField("address", "'" + address + "' is not an e-mail address");
        }
    }
}
