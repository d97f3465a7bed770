package org.quizdesk.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javax.imageio.ImageIO;

/**
 * Latency over time, drawn from the latencies the run collected per second: the 99th percentile of each request
 * type (and the autosave's median) per 5-second window on a log scale above, requests answered per second below.
 * A PNG, made with Java2D (no browser needed).
 */
final class LatencyChart {

    private static final int WINDOW_SECONDS = 5;
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 760;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int LATENCY_HEIGHT = 420;
    private static final int GAP = 70;
    private static final int RATE_HEIGHT = 150;
    private static final Map<String, Color> COLORS = new LinkedHashMap<>();

    static {
        COLORS.put("autosave", new Color(0x1f77b4));
        COLORS.put("sign-in", new Color(0xd62728));
        COLORS.put("start", new Color(0x2ca02c));
        COLORS.put("submit", new Color(0x9467bd));
        COLORS.put("quiz page", new Color(0xff7f0e));
        COLORS.put(ClassSimulation.BOARD_CHANGED, new Color(0x8c564b));
        COLORS.put(ClassSimulation.BOARD_UNCHANGED, new Color(0x7f7f7f));
    }

    private LatencyChart() {
    }

    static void write(SortedMap<String, SortedMap<Integer, int[]>> latencies, String title, Path png) throws IOException {
        int lastSecond = latencies.values().stream().filter(seconds -> !seconds.isEmpty())
                .mapToInt(SortedMap::lastKey).max().orElse(1) + 1;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        int plotWidth = WIDTH - LEFT - RIGHT;

        // latency, log scale from 1 ms to the largest 99th percentile
        double maxMillis = 10;
        Map<String, double[][]> windows = new LinkedHashMap<>();
        for (String request : COLORS.keySet()) {
            SortedMap<Integer, int[]> seconds = latencies.get(request);
            if (seconds == null || seconds.isEmpty()) {
                continue;
            }
            double[][] perWindow = percentilesPerWindow(seconds, lastSecond);
            windows.put(request, perWindow);
            for (double[] window : perWindow) {
                maxMillis = Math.max(maxMillis, window[1]);
            }
        }
        double logMax = Math.ceil(Math.log10(maxMillis));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int power = 0; power <= logMax; power++) {
            int y = TOP + LATENCY_HEIGHT - (int) (power / logMax * LATENCY_HEIGHT);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(power < 3 ? (int) Math.pow(10, power) + " ms" : (int) Math.pow(10, power - 3) + " s", 10, y + 4);
        }
        axes(g, TOP, LATENCY_HEIGHT, plotWidth, lastSecond);
        int legendX = LEFT + 10;
        Stroke solid = new BasicStroke(2f);
        Stroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        for (Map.Entry<String, double[][]> entry : windows.entrySet()) {
            Color color = COLORS.get(entry.getKey());
            g.setColor(color);
            g.setStroke(solid);
            polyline(g, entry.getValue(), 1, plotWidth, lastSecond, logMax);
            String label = entry.getKey() + " p99";
            g.drawString(label, legendX, TOP - 8);
            legendX += g.getFontMetrics().stringWidth(label) + 24;
            if (entry.getKey().equals("autosave")) {
                g.setStroke(dashed);
                polyline(g, entry.getValue(), 0, plotWidth, lastSecond, logMax);
                g.drawString("autosave p50 (dashed)", legendX, TOP - 8);
                legendX += g.getFontMetrics().stringWidth("autosave p50 (dashed)") + 24;
            }
        }
        g.setStroke(new BasicStroke(1f));

        // requests answered per second
        int rateTop = TOP + LATENCY_HEIGHT + GAP;
        int[] autosaves = perSecond(latencies.get("autosave"), lastSecond);
        int[] signIns = perSecond(latencies.get("sign-in"), lastSecond);
        int maxRate = 1;
        for (int second = 0; second < lastSecond; second++) {
            maxRate = Math.max(maxRate, Math.max(autosaves[second], signIns[second]));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(maxRate + "/s", 10, rateTop + 4);
        g.drawString("0/s", 10, rateTop + RATE_HEIGHT + 4);
        g.drawString("answered per second: autosaves (blue), sign-ins (red); time (min:s) since the first sign-in", LEFT, rateTop - 10);
        axes(g, rateTop, RATE_HEIGHT, plotWidth, lastSecond);
        drawRate(g, autosaves, COLORS.get("autosave"), rateTop, plotWidth, lastSecond, maxRate);
        drawRate(g, signIns, COLORS.get("sign-in"), rateTop, plotWidth, lastSecond, maxRate);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    /** Per 5-second window: {p50, p99} in ms, or {-1, -1} where nothing was answered. */
    private static double[][] percentilesPerWindow(SortedMap<Integer, int[]> seconds, int lastSecond) {
        int windows = lastSecond / WINDOW_SECONDS + 1;
        double[][] result = new double[windows][];
        for (int window = 0; window < windows; window++) {
            List<Integer> values = new ArrayList<>();
            for (int[] latencies : seconds.subMap(window * WINDOW_SECONDS, (window + 1) * WINDOW_SECONDS).values()) {
                for (int latency : latencies) {
                    values.add(latency);
                }
            }
            values.sort(null);
            result[window] = values.isEmpty() ? new double[] {-1, -1}
                    : new double[] {values.get((values.size() - 1) / 2), values.get((int) Math.ceil(values.size() * 0.99) - 1)};
        }
        return result;
    }

    private static void polyline(Graphics2D g, double[][] windows, int which, int plotWidth, int lastSecond, double logMax) {
        int previousX = -1;
        int previousY = -1;
        for (int window = 0; window < windows.length; window++) {
            double millis = windows[window][which];
            if (millis < 0) {
                previousX = -1;
                continue;
            }
            int x = LEFT + (int) ((window * WINDOW_SECONDS + WINDOW_SECONDS / 2.0) / lastSecond * plotWidth);
            int y = TOP + LATENCY_HEIGHT - (int) (Math.log10(Math.max(1, millis)) / logMax * LATENCY_HEIGHT);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            } else {
                g.fillOval(x - 2, y - 2, 4, 4);
            }
            previousX = x;
            previousY = y;
        }
    }

    private static int[] perSecond(SortedMap<Integer, int[]> seconds, int lastSecond) {
        int[] counts = new int[lastSecond + 1];
        if (seconds != null) {
            seconds.forEach((second, latencies) -> counts[Math.max(0, Math.min(lastSecond, second))] += latencies.length);
        }
        return counts;
    }

    private static void drawRate(Graphics2D g, int[] counts, Color color, int top, int plotWidth, int lastSecond, int maxRate) {
        g.setColor(color);
        for (int second = 1; second < lastSecond; second++) {
            int x1 = LEFT + (int) ((second - 1) / (double) lastSecond * plotWidth);
            int x2 = LEFT + (int) (second / (double) lastSecond * plotWidth);
            g.drawLine(x1, top + RATE_HEIGHT - counts[second - 1] * RATE_HEIGHT / maxRate,
                    x2, top + RATE_HEIGHT - counts[second] * RATE_HEIGHT / maxRate);
        }
    }

    private static void axes(Graphics2D g, int top, int height, int plotWidth, int lastSecond) {
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, top, LEFT, top + height);
        g.drawLine(LEFT, top + height, LEFT + plotWidth, top + height);
        int step = lastSecond > 1200 ? 300 : lastSecond > 300 ? 60 : 15;
        for (int second = 0; second <= lastSecond; second += step) {
            int x = LEFT + (int) (second / (double) lastSecond * plotWidth);
            g.drawLine(x, top + height, x, top + height + 4);
            g.drawString(String.format("%d:%02d", second / 60, second % 60), x - 12, top + height + 18);
        }
    }
}
