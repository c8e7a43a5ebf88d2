package org.hourbill.timesheet.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Ids as one SQL array parameter ({@code = any(?)}): one statement whatever their number. */
final class Ids {
    private Ids() {
    }

    static UUID[] array(Iterable<UUID> ids) {
        List<UUID> list = new ArrayList<>();
        ids.forEach(list::add);
        return list.toArray(UUID[]::new);
    }
}
