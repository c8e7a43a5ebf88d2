package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hourbill.localstack.FrontDoor;
import org.hourbill.testsupport.TestClock;
import org.springframework.util.FileSystemUtils;

/**
 * Runs one browser script of {@code browser/} (playwright-core driving Debian's Chromium) against the running system's
 * gateway, with the business date of the services, and checks that all its tests passed. Screenshots go to
 * {@code target/console-screenshots/<script>}.
 */
final class BrowserScript {
    private static final Path SCRIPTS = Path.of("browser").toAbsolutePath();

    private BrowserScript() {
    }

    /** Runs the script; returns its output. {@code tests} is how many tests it must pass. */
    static String run(String script, int tests, Map<String, String> settings) throws Exception {
        String chromium = chromium();
        Path screenshots = screenshots(script);
        FileSystemUtils.deleteRecursively(screenshots); // only this run's pictures
        Path log = Path.of("target", script + ".log").toAbsolutePath();
        ProcessBuilder run = new ProcessBuilder("node", "--test", "--test-concurrency=1", script)
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = run.environment();
        env.put("GATEWAY_URL", RunningSystem.frontDoorUrl(FrontDoor.GATEWAY));
        env.put("CHROMIUM", chromium);
        env.put("SCREENSHOTS", screenshots.toString());
        env.put("BUSINESS_TIME", TestClock.START);
        env.putAll(settings);
        Process browser = run.start();
        if (!browser.waitFor(5, TimeUnit.MINUTES)) {
            browser.destroyForcibly();
            fail("the browser test did not end within 5 minutes; see " + log);
        }
        String output = Files.readString(log);
        assertThat(browser.exitValue()).as(output).isZero();
        assertThat(output).contains("# pass " + tests, "# fail 0");
        return output;
    }

    static Path screenshots(String script) {
        return Path.of("target", "console-screenshots", script.replace(".e2e.mjs", "")).toAbsolutePath();
    }

    /** The invoice number a script printed as {@code ISSUED {"key":"INV-..."}}. */
    static String issued(String output, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]+)\"").matcher(output.substring(output.indexOf("ISSUED ")));
        assertThat(m.find()).as("%s issued in %s", key, output).isTrue();
        return m.group(1);
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
