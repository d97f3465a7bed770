package org.quizdesk.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the class was told by the server, written by the simulation's virtual users as answers arrive and read by
 * the checks afterwards: each student's attempt, the highest save sequence acknowledged, the submission
 * acknowledged; requests turned away (429/503, honoured like the page does) apart from errors; and every answered
 * request's latency by second, for the chart.
 */
final class RunLedger {

    /** Errors kept word for word (the rest are counted). */
    private static final int ERRORS_KEPT = 20;

    final Map<Integer, Long> attemptByStudent = new ConcurrentHashMap<>();
    final Map<Integer, Long> acknowledgedSave = new ConcurrentHashMap<>();
    final Map<Integer, Long> acknowledgedSubmission = new ConcurrentHashMap<>();
    final Map<Integer, Boolean> leftBeforeTheEnd = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> turnedAway = new ConcurrentHashMap<>();
    final AtomicInteger errors = new AtomicInteger();
    final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private final Map<String, Map<Integer, Latencies>> latencyBySecond = new ConcurrentHashMap<>();
    /** When the simulation began: the first sign-in's moment, and second 0 of the chart. */
    volatile long startedAtMillis = System.currentTimeMillis();
    private final AtomicInteger studentsDone = new AtomicInteger();

    void saved(int student, long sequence) {
        acknowledgedSave.merge(student, sequence, Math::max);
    }

    void begin() {
        startedAtMillis = System.currentTimeMillis();
    }

    void studentDone() {
        studentsDone.incrementAndGet();
    }

    boolean classIsOver(int students) {
        return studentsDone.get() >= students;
    }

    void turnedAway(String request) {
        turnedAway.computeIfAbsent(request, r -> new AtomicInteger()).incrementAndGet();
    }

    void error(String request, int student, String what) {
        if (errors.incrementAndGet() <= ERRORS_KEPT) {
            firstErrors.add(request + " of " + ClassDatabase.username(student) + ": " + what);
        }
    }

    void latency(String request, long answeredAtMillis, int millis) {
        int second = (int) ((answeredAtMillis - startedAtMillis) / 1000);
        latencyBySecond.computeIfAbsent(request, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(second, s -> new Latencies()).add(millis);
    }

    /** Per request type, per second since the start: the latencies answered in that second, sorted. */
    SortedMap<String, SortedMap<Integer, int[]>> latenciesBySecond() {
        SortedMap<String, SortedMap<Integer, int[]>> all = new TreeMap<>();
        latencyBySecond.forEach((request, seconds) -> {
            SortedMap<Integer, int[]> sorted = new TreeMap<>();
            seconds.forEach((second, latencies) -> sorted.put(second, latencies.sorted()));
            all.put(request, sorted);
        });
        return all;
    }

    int turnedAwayTotal() {
        return turnedAway.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    List<String> firstErrors() {
        return Collections.unmodifiableList(new ArrayList<>(firstErrors));
    }

    private static final class Latencies {
        private int[] values = new int[16];
        private int size;

        synchronized void add(int millis) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = millis;
        }

        synchronized int[] sorted() {
            int[] copy = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(copy);
            return copy;
        }
    }
}
