package org.hourbill.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import com.jayway.jsonpath.JsonPath;

/** The monitoring files of docker-compose (Grafana dashboards, Prometheus alert rules) and the PromQL in them. */
final class Monitoring {
    static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();
    static final Path DASHBOARDS = DOCKER.resolve("grafana/dashboards");
    static final Path ALERT_RULES = DOCKER.resolve("prometheus/alerts.yml");

    /** A PromQL expression and where it is written (file and panel or alert). */
    record Query(String where, String expr) {
    }

    private static final Set<String> NOT_METRICS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "le", "inf", "nan");
    /** Synthetic series Prometheus makes itself for each scrape: no service exposes them. */
    private static final Set<String> FROM_PROMETHEUS = Set.of("up");

    private Monitoring() {
    }

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static List<Query> queries() throws IOException {
        List<Query> queries = new ArrayList<>();
        for (Path dashboard : dashboards()) {
            String json = Files.readString(dashboard);
            List<Map<String, Object>> panels = JsonPath.read(json, "$..panels[*]");
            for (Map<String, Object> panel : panels) {
                Object targets = panel.get("targets");
                if (!(targets instanceof List<?> list)) continue;
                for (Object target : list) {
                    Object expr = ((Map<?, ?>) target).get("expr");
                    if (expr != null) queries.add(new Query(dashboard.getFileName() + ": " + panel.get("title"), expr.toString()));
                }
            }
            List<String> variableQueries = JsonPath.read(json, "$.templating.list[*].definition");
            variableQueries.forEach(q -> queries.add(new Query(dashboard.getFileName() + ": variable", q)));
        }
        for (Map<String, Object> rule : alertRules()) {
            queries.add(new Query("alerts.yml: " + rule.get("alert"), rule.get("expr").toString()));
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ALERT_RULES));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    private static final Pattern LABELS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    /** The metric names a PromQL expression (or a Grafana label_values() variable) reads. */
    static Set<String> metricsIn(String expr) {
        String bare = STRINGS.matcher(GROUPING.matcher(RANGES.matcher(LABELS.matcher(expr).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ")).replaceAll(" ");
        bare = bare.replaceAll("\\$\\w+", " ").replaceAll("\\b\\d+(\\.\\d+)?([eE][+-]?\\d+)?\\b", " ");
        if (bare.startsWith("label_values(")) bare = bare.substring("label_values(".length()).replaceAll(",.*", "");
        Set<String> metrics = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String name = m.group(1);
            boolean function = m.group(2) != null;
            if (!function && !NOT_METRICS.contains(name.toLowerCase()) && !FROM_PROMETHEUS.contains(name)) metrics.add(name);
        }
        return metrics;
    }
}
