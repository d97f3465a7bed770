package org.quizdesk.quiz;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Syncs the quiz folder when a quiz file in it is created, changed or deleted, so that adding or fixing a quiz during
 * term needs no restart (which would, with the embedded database, sign out everyone taking another quiz).
 * Editors save in bursts (a temporary file, a rename, a second write), so a sync waits until the folder has been quiet
 * for {@link QuizProperties#watchQuietPeriod()}. Off with {@code quizdesk.quizzes.watch=false}; "Sync now" on the
 * admin home works either way.
 */
@Component
class QuizFolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QuizFolderWatcher.class);

    private final QuizCatalog catalog;
    private final QuizProperties properties;
    private volatile WatchService watcher;
    private ScheduledExecutorService syncs;
    private ScheduledFuture<?> pending;

    QuizFolderWatcher(QuizCatalog catalog, QuizProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void start() {
        Path dir = properties.dir();
        if (!properties.watch() || !Files.isDirectory(dir)) {
            return;
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            log.warn("Not watching the quiz folder {} ({}); use Sync now on the admin home after a change", dir, e.toString());
            watcher = null;
            return;
        }
        syncs = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quiz-folder-sync");
            thread.setDaemon(true);
            return thread;
        });
        Thread watching = new Thread(this::watch, "quiz-folder-watch");
        watching.setDaemon(true);
        watching.start();
        log.info("Watching the quiz folder {} for changes", dir.toAbsolutePath().normalize());
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean quizFileChanged = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    // an overflow lost events: sync to be sure
                    quizFileChanged |= event.kind() == StandardWatchEventKinds.OVERFLOW
                            || event.context() instanceof Path name && QuizFileReader.isQuizFile(name);
                }
                key.reset();
                if (quizFileChanged) {
                    syncWhenQuiet();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void syncWhenQuiet() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = syncs.schedule(this::sync, properties.watchQuietPeriod().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sync() {
        try {
            catalog.sync();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next change, or Sync now, tries again
            log.warn("Quiz folder sync after a change failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        WatchService stopping = watcher;
        watcher = null;
        if (stopping != null) {
            try {
                stopping.close();
            } catch (IOException ignored) {
                // closing only wakes the watching thread
            }
            syncs.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }
}
