import java.sql.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;

/** H2 file mode, WRITE_DELAY=0: 16 threads x N single-row updates, one commit each, versus the same updates batched by one writer. */
public class CommitBench {
    static final int THREADS = 16, EACH = 300;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("commitbench");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table attempt(id bigint primary key, answers varchar(4000), save_count int)");
            for (int i = 0; i < THREADS; i++) c.createStatement().execute("insert into attempt values(" + i + ", '{}', 0)");
        }
        for (int round = 0; round < 2; round++) {
            System.out.printf("round %d: one commit per save: %.0f saves/s%n", round, perSave(url));
            System.out.printf("round %d: shared commits (one writer): %.0f saves/s%n", round, shared(url));
        }
    }

    static double perSave(String url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            runs.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                     PreparedStatement u = c.prepareStatement("update attempt set answers = ?, save_count = save_count + 1 where id = ?")) {
                    for (int n = 0; n < EACH; n++) { u.setString(1, "{\"3.1.4\":\"draft " + n + "\"}"); u.setLong(2, id); u.executeUpdate(); }
                }
                return null;
            }));
        }
        for (Future<?> f : runs) f.get();
        pool.shutdown();
        return THREADS * EACH / ((System.nanoTime() - start) / 1e9);
    }

    record Save(long id, String answers, CompletableFuture<Void> done) {}

    static double shared(String url) throws Exception {
        BlockingQueue<Save> queue = new ArrayBlockingQueue<>(2000);
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                 PreparedStatement u = c.prepareStatement("update attempt set answers = ?, save_count = save_count + 1 where id = ?")) {
                c.setAutoCommit(false);
                List<Save> taken = new ArrayList<>();
                while (true) {
                    Save first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) { if (Thread.currentThread().isInterrupted()) return; continue; }
                    taken.add(first); queue.drainTo(taken, 199);
                    for (Save s : taken) { u.setString(1, s.answers()); u.setLong(2, s.id()); u.addBatch(); }
                    u.executeBatch(); c.commit();
                    taken.forEach(s -> s.done().complete(null)); taken.clear();
                }
            } catch (InterruptedException e) { } catch (SQLException e) { throw new RuntimeException(e); }
        });
        writer.start();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            runs.add(pool.submit(() -> {
                for (int n = 0; n < EACH; n++) { Save s = new Save(id, "{\"3.1.4\":\"draft " + n + "\"}", new CompletableFuture<>()); queue.put(s); s.done().get(); }
                return null;
            }));
        }
        for (Future<?> f : runs) f.get();
        double rate = THREADS * EACH / ((System.nanoTime() - start) / 1e9);
        pool.shutdown(); writer.interrupt(); writer.join();
        return rate;
    }
}
