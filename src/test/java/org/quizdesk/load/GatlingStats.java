package org.quizdesk.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The per-request figures of Gatling's report ({@code js/stats.js} of the newest report in the results folder, the
 * {@code var stats = {…}} it opens with, whose numbers are strings):
 * Gatling's own percentiles, of the answered requests (ok); 429/503 are Gatling's "ko", counted by the benchmark
 * as turned away.
 */
record GatlingStats(Path reportDir, List<RequestStats> requests) {

    static GatlingStats read(Path resultsFolder) throws IOException {
        Path report;
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            report = runs.filter(run -> Files.exists(run.resolve("js/stats.js")))
                    .max(Comparator.comparing(run -> run.toFile().lastModified()))
                    .orElseThrow(() -> new IOException("no Gatling report with js/stats.js in " + resultsFolder));
        }
        JsonNode root = new ObjectMapper().enable(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES)
                .readTree(statsObject(Files.readString(report.resolve("js/stats.js"))));
        List<RequestStats> requests = new ArrayList<>();
        for (Iterator<JsonNode> contents = root.path("contents").elements(); contents.hasNext(); ) {
            JsonNode stats = contents.next().path("stats");
            requests.add(new RequestStats(stats.path("name").asText(),
                    stats.path("numberOfRequests").path("ok").asLong(),
                    stats.path("numberOfRequests").path("ko").asLong(),
                    stats.path("meanNumberOfRequestsPerSecond").path("ok").asDouble(),
                    stats.path("percentiles1").path("ok").asLong(),
                    stats.path("percentiles3").path("ok").asLong(),
                    stats.path("percentiles4").path("ok").asLong(),
                    stats.path("maxResponseTime").path("ok").asLong()));
        }
        return new GatlingStats(report, requests);
    }

    /** The object literal after "var stats = ", up to its closing brace. */
    private static String statsObject(String script) throws IOException {
        int start = script.indexOf('{', script.indexOf("var stats"));
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '"' && script.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && c == '{') {
                depth++;
            } else if (!inString && c == '}' && --depth == 0) {
                return script.substring(start, i + 1);
            }
        }
        throw new IOException("js/stats.js does not hold a complete stats object");
    }

    RequestStats request(String name) {
        return requests.stream().filter(request -> request.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * One request type. Gatling's percentiles 1–4 are 50, 75, 95 and 99 (its defaults).
     *
     * @param perSecond answered requests per second over the whole run
     */
    record RequestStats(String name, long ok, long ko, double perSecond, long p50, long p95, long p99, long max) {
    }
}
