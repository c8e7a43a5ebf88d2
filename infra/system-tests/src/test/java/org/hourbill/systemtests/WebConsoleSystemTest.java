package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hourbill.localstack.FrontDoor;
import org.hourbill.localstack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.FileSystemUtils;

import com.jayway.jsonpath.JsonPath;

/**
 * The web console in a real browser: Playwright (playwright-core from npm) drives Debian's Chromium through the
 * gateway of the running system, signing in at the real provider. The browser script is {@code browser/month-end.e2e.mjs};
 * this test prepares the data over the API, runs it, and checks the outcome over the API once more. Screenshots of
 * each step are kept in {@code target/console-screenshots}.
 */
class WebConsoleSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    static final Path browserTests = Path.of("browser").toAbsolutePath();
    static final Path screenshots = Path.of("target", "console-screenshots").toAbsolutePath();

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void month_end_in_the_browser_sign_in_approve_review_issue_draw_down_pay_and_a_frame_order_too_small() throws Exception {
        String chromium = chromium();
        LocalDate october = LocalDate.of(2026, 10, 1);
        var customer = monthEnd.customer("EUR");
        monthEnd.submittedEntries(customer, customer.projectId(), october, 5, "8");
        monthEnd.submittedEntries(customer, customer.projectId(), october.plusDays(19), 1, "8"); // to be rejected
        String po = "PO-WEB-" + customer.id().substring(0, 6);
        String frameOrder = monthEnd.frameOrder(customer, po, "100", "2026-01-01", "2026-12-31");
        var small = monthEnd.customer("EUR");
        monthEnd.approvedEntries(small, october, 3, "8");
        String smallPo = "PO-SMALL-" + small.id().substring(0, 6);
        monthEnd.frameOrder(small, smallPo, "10", "2026-01-01", "2026-12-31");
        var voiding = monthEnd.customer("EUR");
        monthEnd.approvedEntries(voiding, october, 2, "8");
        String voidRun = monthEnd.finishedRun(JsonPath.read(monthEnd.generate(monthEnd.review(voiding, null, null)).body(), "$.id"),
                Duration.ofSeconds(90));
        String toVoid = JsonPath.read(voidRun, "$.invoiceNumber");

        FileSystemUtils.deleteRecursively(screenshots); // only this run's pictures
        Path log = Path.of("target", "console-e2e.log").toAbsolutePath();
        ProcessBuilder run = new ProcessBuilder("node", "--test", "--test-concurrency=1", "month-end.e2e.mjs")
                .directory(browserTests.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = run.environment();
        env.put("GATEWAY_URL", RunningSystem.frontDoorUrl(FrontDoor.GATEWAY));
        env.put("CHROMIUM", chromium);
        env.put("SCREENSHOTS", screenshots.toString());
        env.put("BUSINESS_TIME", org.hourbill.testsupport.TestClock.START);
        env.put("CUSTOMER_NAME", customer.name());
        env.put("FRAME_ORDER_PO", po);
        env.put("SUBMITTED_ENTRIES", "5");
        env.put("SMALL_CUSTOMER_NAME", small.name());
        env.put("SMALL_FRAME_ORDER_PO", smallPo);
        env.put("SMALL_CUSTOMER_ENTRIES", "3");
        env.put("VOID_CUSTOMER_NAME", voiding.name());
        env.put("VOID_INVOICE_NUMBER", toVoid);
        Process browser = run.start();
        if (!browser.waitFor(5, TimeUnit.MINUTES)) {
            browser.destroyForcibly();
            fail("the browser test did not end within 5 minutes; see " + log);
        }
        String output = Files.readString(log);
        assertThat(browser.exitValue()).as(output).isZero();
        assertThat(output).contains("# pass 5", "# fail 0");

        // what the browser showed is what the services hold
        String invoices = Http.get(monthEnd.url(Service.INVOICE) + "/invoices?customerId=" + customer.id()).body();
        assertThat(JsonPath.<List<String>>read(invoices, "$.items[*].status")).containsExactly("PAID");
        assertThat(JsonPath.<Double>read(invoices, "$.items[0].total")).isEqualTo(2880.0); // 3 x 8 h x 100, 20 % tax
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                JsonPath.<Double>read(monthEnd.frameOrderUtilization(frameOrder), "$.frameOrder.billedHours")).isEqualTo(24.0));
        assertThat(monthEnd.unbilledCount(small)).isEqualTo(3);
        assertThat(JsonPath.<String>read(monthEnd.invoiceByNumber(toVoid), "$.status")).isEqualTo("VOID");
        assertThat(Http.get(monthEnd.url(Service.INVOICE) + "/invoices?customerId=" + small.id()).body()).contains("\"totalItems\":0");
        try (var shots = Files.list(screenshots)) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(19);
        }
    }

    /**
     * Debian's Chromium ({@code apt-get install chromium}; .ci/run installs it). Without one the test is skipped on a
     * developer's machine, but fails on CI (CI=true), where a missing browser means the proof is missing.
     */
    private static String chromium() {
        String path = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        boolean present = new File(path).canExecute();
        if (!present && System.getenv("CI") != null) {
            fail("no Chromium at " + path + ": install Debian's chromium package (apt-get install -y chromium)");
        }
        assumeTrue(present, "no Chromium at " + path + "; install Debian's chromium package to run the browser tests");
        return path;
    }
}
