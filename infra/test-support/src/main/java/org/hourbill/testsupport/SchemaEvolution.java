package org.hourbill.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A published contract may only grow: compared with the schemas of its last release, a schema may gain optional
 * fields and a contract new types, nothing else. A field removed, made optional or required anew, a type, format,
 * enum or limit changed, or a schema gone, breaks subscribers: such a change is a new version ({@code .v2}) beside
 * the old one. Texts ({@code title}, {@code description}, {@code $comment}, {@code examples}) may change.
 *
 * <p>On a release, the contract module's schemas are copied to {@code src/test/resources/released-schemas}.
 */
public final class SchemaEvolution {
    private static final ObjectMapper tree = new ObjectMapper();
    private static final Set<String> TEXTS = Set.of("title", "description", "$comment", "examples");

    private SchemaEvolution() {
    }

    /** Fails naming every breaking change of the schemas in {@code current} against those in {@code released}. */
    public static void assertOnlyAdditive(Path current, Path released) throws IOException {
        assertThat(released).as("the schemas of the last release").isDirectoryContaining("glob:**.schema.json");
        List<String> breaking = new ArrayList<>();
        try (Stream<Path> schemas = Files.list(released)) {
            for (Path old : schemas.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList()) {
                Path now = current.resolve(old.getFileName().toString());
                String name = old.getFileName().toString().replace(".schema.json", "");
                if (!Files.exists(now)) {
                    breaking.add(name + ": removed (publish a new version beside it instead)");
                } else {
                    breaking.addAll(breakingChanges(name, tree.readTree(old.toFile()), tree.readTree(now.toFile())));
                }
            }
        }
        assertThat(breaking).as("breaking changes to published schemas").isEmpty();
    }

    /** The changes from {@code released} to {@code current} a subscriber of the released schema would trip over. */
    public static List<String> breakingChanges(String path, JsonNode released, JsonNode current) {
        List<String> breaking = new ArrayList<>();
        Set<String> keywords = new HashSet<>();
        released.fieldNames().forEachRemaining(keywords::add);
        current.fieldNames().forEachRemaining(keywords::add);
        for (String keyword : keywords) {
            if (TEXTS.contains(keyword)) continue;
            JsonNode before = released.get(keyword), after = current.get(keyword);
            switch (keyword) {
                case "properties" -> properties(path, before, after, breaking);
                case "required" -> required(path, before, after, breaking);
                case "items" -> {
                    if (before == null || after == null) breaking.add(path + "[]: items " + (before == null ? "added" : "removed"));
                    else breaking.addAll(breakingChanges(path + "[]", before, after));
                }
                case "$defs" -> properties(path + "/$defs", before, after, breaking);
                default -> {
                    if (before == null || after == null || !before.equals(after)) {
                        breaking.add(path + ": " + keyword + " " + (before == null ? "added" : after == null ? "removed"
                                : "changed from " + before + " to " + after));
                    }
                }
            }
        }
        return breaking;
    }

    private static void properties(String path, JsonNode before, JsonNode after, List<String> breaking) {
        if (before == null) return; // a schema that had none gains some: checked by required
        for (Iterator<String> names = before.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (after == null || !after.has(name)) breaking.add(path + "." + name + ": removed");
            else breaking.addAll(breakingChanges(path + "." + name, before.get(name), after.get(name)));
        }
    }

    private static void required(String path, JsonNode before, JsonNode after, List<String> breaking) {
        Set<String> was = names(before), is = names(after);
        was.stream().filter(n -> !is.contains(n)).sorted().forEach(n -> breaking.add(path + "." + n + ": no longer required"));
        is.stream().filter(n -> !was.contains(n)).sorted().forEach(n -> breaking.add(path + "." + n + ": required anew"));
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        if (array != null) array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
