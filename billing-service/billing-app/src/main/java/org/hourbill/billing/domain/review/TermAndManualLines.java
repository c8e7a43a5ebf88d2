package org.hourbill.billing.domain.review;

import java.util.List;

import org.hourbill.billing.domain.plan.Amounts;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;

/** Fixed-price terms (each billed once) and manual lines (described, priced, negative only as an amendment). */
final class TermAndManualLines {
    private TermAndManualLines() {
    }

    static BillLine term(int position, BillLine draft, List<BillLine> billLines) {
        if (billLines.stream().anyMatch(l -> draft.termId().equals(l.termId()))) throw new ConflictingState("this bill has the term already");
        return draft.at(position);
    }

    static BillLine manual(int position, BillLine draft) {
        if (draft.description() == null || draft.description().isBlank()) throw new InvalidField("description", "describe the line");
        if (draft.quantity() == null || draft.quantity().signum() == 0) throw new InvalidField("quantity", "a quantity other than 0");
        if (draft.quantity().signum() < 0 && !draft.amendment()) {
            throw new InvalidField("quantity", "only an amendment may have a negative quantity");
        }
        Amounts.bounded("quantity", draft.quantity(), 4);
        Amounts.require("unitPrice", draft.unitPrice(), 4, true);
        return draft.at(position);
    }
}
