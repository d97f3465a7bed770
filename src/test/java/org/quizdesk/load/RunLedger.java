package org.quizdesk.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the class was told by the server, written by the simulation's virtual users as answers arrive and read by
 * the checks afterwards: each student's attempt, the highest save sequence acknowledged, the submission
 * acknowledged; requests turned away (429/503, honoured like the page does) apart from errors; and every answered
 * request's latency by second (for the chart) and the bytes of its body.
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
    private final Map<String, LongAdder> bodyBytes = new ConcurrentHashMap<>();
    /** When the simulation began: the first sign-in's moment, and second 0 of the chart. */
    volatile long startedAtMillis = System.currentTimeMillis();
    private final AtomicInteger studentsDone = new AtomicInteger();
    /** The instructor is done with the quiz's times (saved or failed): with a common close, Start waits for it. */
    volatile boolean timesSet;
    /** The static file's clients' time spent fetching it (the ceiling's samples), summed over the clients. */
    final LongAdder ceilingMillis = new LongAdder();
    /** The seconds since the start in which a ceiling's client fetched the static file. */
    final Set<Integer> ceilingSeconds = ConcurrentHashMap.newKeySet();

    void saved(int student, long sequence) {
        acknowledgedSave.merge(student, sequence, Math::max);
    }

    /** One client's sample of the ceiling, from its first fetch to the end of its last. */
    void ceilingSampled(long fromMillis, long toMillis) {
        ceilingMillis.add(toMillis - fromMillis);
        for (int second = second(fromMillis); second <= second(toMillis); second++) {
            ceilingSeconds.add(second);
        }
    }

    private int second(long atMillis) {
        return (int) ((atMillis - startedAtMillis) / 1000);
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

    void error(String request, String username, String what) {
        if (errors.incrementAndGet() <= ERRORS_KEPT) {
            firstErrors.add(request + " of " + username + ": " + what);
        }
    }

    /** An answered request: its latency, when it was answered, and the length of its body (0 for a 304). */
    void answered(String request, long answeredAtMillis, int millis, long bytes) {
        int second = second(answeredAtMillis);
        latencyBySecond.computeIfAbsent(request, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(second, s -> new Latencies()).add(millis);
        bodyBytes.computeIfAbsent(request, r -> new LongAdder()).add(bytes);
    }

    /** The bodies of all answered requests of this type, in bytes. */
    long bodyBytes(String request) {
        LongAdder bytes = bodyBytes.get(request);
        return bytes == null ? 0 : bytes.sum();
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
