package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every link of README.md and docs/ leads somewhere: a relative link to a file that exists, and a #fragment to a
 * heading of that file (GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, -1, -2 for repeats).
 * Links in code blocks and to other sites are not followed.
 */
class DocumentationLinksTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$");

    @Test
    void every_link_of_the_readme_and_the_docs_points_to_a_file_and_anchor_that_exist() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int followed = 0;
        for (Path document : documents) {
            for (String target : links(document)) {
                if (target.matches("^[a-z]+:.*")) continue; // http:, https:, mailto:
                followed++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(ROOT.relativize(document) + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors.computeIfAbsent(linked, DocumentationLinksTest::anchors)
                        .contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(document) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(followed).as("links followed").isGreaterThan(20);
    }

    @Test
    void anchors_are_made_as_github_makes_them() {
        assertThat(slug("Where a message's CPU goes, stage by stage (2026-12-03, for the billing run of issue 27)"))
                .isEqualTo("where-a-messages-cpu-goes-stage-by-stage-2026-12-03-for-the-billing-run-of-issue-27");
        assertThat(slug("Generate & Issue through the `wizard`")).isEqualTo("generate--issue-through-the-wizard");
    }

    /** The link targets of a Markdown file, outside fenced code blocks. */
    private static List<String> links(Path document) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean code = false;
        for (String line : Files.readAllLines(document)) {
            if (line.strip().startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) continue;
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (m.find()) targets.add(m.group(1));
        }
        return targets;
    }

    private static Set<String> anchors(Path document) {
        Set<String> found = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        if (!document.toString().endsWith(".md")) return found;
        try {
            boolean code = false;
            for (String line : Files.readAllLines(document)) {
                if (line.strip().startsWith("```")) code = !code;
                Matcher m = HEADING.matcher(line);
                if (code || !m.matches()) continue;
                String slug = slug(m.group(1));
                int repeat = seen.merge(slug, 1, Integer::sum) - 1;
                found.add(repeat == 0 ? slug : slug + "-" + repeat);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }
}
