package org.quizdesk.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server process seen from outside, as an operator would: its CPU time from /proc every second (the app's
 * metrics endpoint is for signed-in staff, and asking it would add load), its peak resident memory, and its GC
 * pauses and heap from the GC log the app's JVM writes ({@code -Xlog:gc}), and the largest its database folder
 * grew (the embedded database's file). Also this JVM's CPU, the load generator's, which shares the two cores.
 */
final class ServerSampler implements AutoCloseable {

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([\\d.]+)s].*Pause .*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");
    /** gc+metaspace's line after each collection: "Metaspace: 120000K(121000K)->…", the space used before it. */
    private static final Pattern METASPACE = Pattern.compile("Metaspace: (\\d+)K\\(");

    private final long pid;
    private final Path databaseFolder;
    private final List<double[]> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long databasePeakBytes;

    /** @param databaseFolder the embedded database's folder, or null for a database server */
    ServerSampler(long pid, Path databaseFolder) {
        this.pid = pid;
        this.databaseFolder = databaseFolder;
        this.thread = new Thread(this::sample, "server-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The JVM options that make the app write the GC log read by {@link #gcPauses}. */
    static String gcLogOption(Path gcLog) {
        return "-Xlog:gc,gc+metaspace:file=" + gcLog;
    }

    private void sample() {
        while (running) {
            try {
                double server = cpuSeconds("/proc/" + pid + "/stat");
                double generator = cpuSeconds("/proc/self/stat");
                synchronized (samples) {
                    samples.add(new double[] {System.nanoTime() / 1e9, server, generator});
                }
                databasePeakBytes = Math.max(databasePeakBytes, folderBytes());
                Thread.sleep(1000);
            } catch (IOException | RuntimeException gone) {
                return;
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long folderBytes() throws IOException {
        if (databaseFolder == null || !Files.isDirectory(databaseFolder)) {
            return 0;
        }
        try (var files = Files.list(databaseFolder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** The most the embedded database's folder held at a sample, in MB; 0 for a database server. */
    long databasePeakMegabytes() {
        return databasePeakBytes >> 20;
    }

    /** utime + stime, the 14th and 15th fields (after the command name in parentheses). */
    private static double cpuSeconds(String statFile) throws IOException {
        String stat = Files.readString(Path.of(statFile));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The server's peak resident memory in MB (VmHWM), while the process lives. */
    long peakResidentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Average cores used over the sampling, and the busiest 10 s; for the server (0) or the load generator (1). */
    Cpu cpu(int which) {
        synchronized (samples) {
            if (samples.size() < 2) {
                return new Cpu(0, 0);
            }
            double[] first = samples.get(0);
            double[] last = samples.get(samples.size() - 1);
            double average = (last[which + 1] - first[which + 1]) / (last[0] - first[0]);
            double busiest = 0;
            for (int i = 10; i < samples.size(); i++) {
                double[] from = samples.get(i - 10);
                double[] to = samples.get(i);
                busiest = Math.max(busiest, (to[which + 1] - from[which + 1]) / (to[0] - from[0]));
            }
            return new Cpu(average, busiest == 0 ? average : busiest);
        }
    }

    /**
     * GC pauses after the given JVM uptime (the start-up's are left out), and from the whole log the heap's and the
     * classes' space's peaks and the full collections (the start-up's too: scripts/jvm.options is meant to avoid them).
     */
    static GcFigures gcPauses(Path gcLog, double afterUptimeSeconds) throws IOException {
        int count = 0;
        int full = 0;
        double peakMetaspace = 0;
        double total = 0;
        double max = 0;
        double peakHeap = 0;
        double committed = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher metaspace = METASPACE.matcher(line);
            if (metaspace.find()) {
                peakMetaspace = Math.max(peakMetaspace, Long.parseLong(metaspace.group(1)) / 1024.0);
            }
            Matcher pause = PAUSE.matcher(line);
            if (!pause.find()) {
                continue;
            }
            if (line.contains("Pause Full")) {
                full++;
            }
            // the heap before a collection is the most it held since the last one
            peakHeap = Math.max(peakHeap, megabytes(pause.group(2), pause.group(3)));
            committed = Math.max(committed, megabytes(pause.group(6), pause.group(7)));
            if (Double.parseDouble(pause.group(1)) >= afterUptimeSeconds) {
                double millis = Double.parseDouble(pause.group(8));
                count++;
                total += millis;
                max = Math.max(max, millis);
            }
        }
        return new GcFigures(count, total, max, peakHeap, committed, full, peakMetaspace);
    }

    private static double megabytes(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
    }

    /** Cores used (1.0 = one core busy). */
    record Cpu(double average, double busiest10s) {
    }

    record GcFigures(int pauses, double totalMillis, double maxMillis, double peakHeapMegabytes, double committedMegabytes,
            int fullCollections, double peakMetaspaceMegabytes) {
    }
}
