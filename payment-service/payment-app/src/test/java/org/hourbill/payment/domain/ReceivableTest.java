package org.hourbill.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.platform.problem.UnprocessableRequest;
import org.junit.jupiter.api.Test;

/** Receivables as plain Java: how a payment splits between the invoice and the credit balance; ageing buckets. */
class ReceivableTest {
    final Receivable open = new Receivable(UUID.randomUUID(), "INV-1", UUID.randomUUID(), "JPY", LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 12, 2), new BigDecimal("10000"), new BigDecimal("0"), ReceivableStatus.OPEN, null);

    @Test
    void a_payment_settles_up_to_the_open_amount_and_the_rest_is_credit() {
        Receivable.Settled first = open.pay(UUID.randomUUID(), order("6000", "0", PaymentMode.TRANSFER));
        assertThat(first.nowPaid()).isFalse();
        assertThat(first.receivable().amountOpen()).isEqualByComparingTo("4000");

        Receivable.Settled second = first.receivable().pay(UUID.randomUUID(), order("4500", "300", PaymentMode.CARD));
        assertThat(second.nowPaid()).isTrue();
        assertThat(second.payment().appliedToInvoice()).isEqualByComparingTo("4000");
        assertThat(second.payment().excessToCredit()).isEqualByComparingTo("500");
        assertThat(second.payment().credit()).isEqualByComparingTo("4200");
        assertThat(second.receivable().status()).isEqualTo(ReceivableStatus.PAID);

        Receivable reopened = second.receivable().reverse(second.payment());
        assertThat(reopened.status()).isEqualTo(ReceivableStatus.OPEN);
        assertThat(reopened.amountOpen()).isEqualByComparingTo("4000");
    }

    @Test
    void credit_pays_only_what_is_open_and_a_yen_has_no_decimals() {
        assertThatThrownBy(() -> open.pay(UUID.randomUUID(), order("10001", "0", PaymentMode.CUSTOMER_CREDIT)))
                .isInstanceOf(UnprocessableRequest.class);
        assertThatThrownBy(() -> open.pay(UUID.randomUUID(), order("10.5", "0", PaymentMode.TRANSFER)))
                .hasMessage("10.5 has more decimals than the currency's 0");
        CreditBalance balance = new CreditBalance(open.customerId(), "JPY", new BigDecimal("500"));
        assertThat(balance.draw(new BigDecimal("500")).amount()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> balance.draw(new BigDecimal("501"))).isInstanceOf(UnprocessableRequest.class);
    }

    @Test
    void ageing_buckets_count_days_past_the_due_date() {
        assertThat(AgeingBucket.of(-3)).isEqualTo(AgeingBucket.CURRENT);
        assertThat(AgeingBucket.of(0)).isEqualTo(AgeingBucket.CURRENT);
        assertThat(AgeingBucket.of(1)).isEqualTo(AgeingBucket.DAYS_1_30);
        assertThat(AgeingBucket.of(30)).isEqualTo(AgeingBucket.DAYS_1_30);
        assertThat(AgeingBucket.of(31)).isEqualTo(AgeingBucket.DAYS_31_60);
        assertThat(AgeingBucket.of(60)).isEqualTo(AgeingBucket.DAYS_31_60);
        assertThat(AgeingBucket.of(61)).isEqualTo(AgeingBucket.DAYS_61_90);
        assertThat(AgeingBucket.of(90)).isEqualTo(AgeingBucket.DAYS_61_90);
        assertThat(AgeingBucket.of(91)).isEqualTo(AgeingBucket.OVER_90);
    }

    private static PaymentOrder order(String amount, String fee, PaymentMode mode) {
        return new PaymentOrder(UUID.randomUUID(), LocalDate.of(2026, 11, 20), mode, "JPY", new BigDecimal(amount), new BigDecimal(fee),
                null);
    }
}
