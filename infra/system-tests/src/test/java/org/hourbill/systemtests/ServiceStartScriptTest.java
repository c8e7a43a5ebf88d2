package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entrypoint (infra/docker/start-service.sh), run by this JDK on an application laid out as in the image
 * (/app/jvm.options, /app/extracted/app.jar): the services' JVM options always, the AOT cache trained on a month-end
 * when one is mounted, written when asked to train.
 */
class ServiceStartScriptTest {
    private static final Path SCRIPT = DockerComposeConsistencyTest.ROOT.resolve("infra/docker/start-service.sh");

    @TempDir
    Path app;
    Path cache;

    @BeforeEach
    void an_application_as_in_the_image() throws IOException {
        Path source = app.resolve("src/Started.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                public class Started {
                    public static void main(String[] args) {
                        System.out.println("started with " + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
                    }
                }""");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", app.resolve("classes").toString(), source.toString()))
                .isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Started");
        Files.createDirectories(app.resolve("extracted"));
        try (var jar = new JarOutputStream(Files.newOutputStream(app.resolve("extracted/app.jar")), manifest)) {
            jar.putNextEntry(new JarEntry("Started.class"));
            jar.write(Files.readAllBytes(app.resolve("classes/Started.class")));
        }
        Files.copy(DockerComposeConsistencyTest.ROOT.resolve("infra/service-jvm.options"), app.resolve("jvm.options"));
        cache = app.resolve("aot/app.aot");
        Files.createDirectories(cache.getParent());
    }

    @Test
    void without_a_cache_the_service_starts_with_the_jvm_options_alone() throws Exception {
        String output = start(Map.of());
        assertThat(output).contains("started with [-Xmx160m", "-XX:+UseCompactObjectHeaders").doesNotContain("AOTCache", "[error]");
    }

    @Test
    void train_writes_the_cache_on_exit_and_the_next_start_maps_it() throws Exception {
        assertThat(start(Map.of("HOURBILL_AOT", "train"))).contains("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).isNotEmptyFile();

        String output = start(Map.of(), "-Xlog:aot");
        assertThat(output).contains("-XX:AOTCache=" + cache, "Using AOT-linked classes: true").doesNotContain("[error]");
        assertThat(start(Map.of("HOURBILL_AOT", "none"))).doesNotContain("AOTCache");
    }

    /** Runs the script as the image's entrypoint would, with this JDK's java first on the PATH. */
    private String start(Map<String, String> environment, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(jvmOptions));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        builder.environment().put("PATH", java.getParent() + ":" + System.getenv("PATH"));
        builder.environment().put("HOURBILL_APP_DIR", app.toString());
        builder.environment().put("HOURBILL_AOT_CACHE", cache.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
