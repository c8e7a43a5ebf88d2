package org.hourbill.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The service JVMs' options, from the one file that the container image reads too ({@code infra/service-jvm.options},
 * a java argument file: one option per line, # comments).
 */
public final class ServiceJvm {
    private ServiceJvm() {
    }

    /**
     * The options with the C1 compiler only, for test runs where ten or more JVMs start at once on two cores: C2 at
     * start-up doubles the CPU each start takes (150-170 s for twelve at once, measured), and tests are short.
     */
    public static List<String> forManyAtOnce() {
        return java.util.stream.Stream.concat(options().stream(), java.util.stream.Stream.of("-XX:TieredStopAtLevel=1")).toList();
    }

    public static List<String> options() {
        try {
            return Files.readAllLines(LocalStack.projectRoot().resolve("infra/service-jvm.options")).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("infra/service-jvm.options is part of the project", e);
        }
    }
}
