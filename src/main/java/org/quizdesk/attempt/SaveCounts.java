package org.quizdesk.attempt;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.quizdesk.attempt.internal.EvidenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Saves per attempt and minute, for the evidence timeline. Counted in this node's memory and written in one batched
 * insert every 30 seconds and at shutdown, so that an autosave stays one write (the answers' update): a counter row
 * updated on every save would double the writes of the hottest path, and 2,000 saves a second would contend on it.
 * The price: a crash loses at most the last 30 seconds' counts (never answers), which the timeline can bear; the
 * attempt's own {@code save_count} and {@code saved_at} stay exact.
 */
@Component
class SaveCounts {

    private static final Logger log = LoggerFactory.getLogger(SaveCounts.class);

    private record Key(long attemptId, Instant minute) {
    }

    private final Map<Key, Integer> counts = new ConcurrentHashMap<>();
    private final EvidenceStore store;

    SaveCounts(EvidenceStore store) {
        this.store = store;
    }

    void saved(long attemptId, Instant at) {
        // merge and remove are atomic per key in a ConcurrentHashMap: no count falls between a save and a flush
        counts.merge(new Key(attemptId, at.truncatedTo(ChronoUnit.MINUTES)), 1, Integer::sum);
    }

    /** This node's counts not yet written, by minute, for a timeline read before the next flush. */
    Map<Instant, Integer> pending(long attemptId) {
        Map<Instant, Integer> pending = new TreeMap<>();
        counts.forEach((key, count) -> {
            if (key.attemptId() == attemptId) {
                pending.merge(key.minute(), count, Integer::sum);
            }
        });
        return pending;
    }

    /** Writes and forgets what was counted; a save counted meanwhile waits for the next flush. */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    @PreDestroy
    void flush() {
        List<EvidenceStore.SaveMinute> rows = new ArrayList<>();
        for (Key key : List.copyOf(counts.keySet())) {
            Integer saves = counts.remove(key);
            if (saves != null) {
                rows.add(new EvidenceStore.SaveMinute(key.attemptId(), key.minute(), saves));
            }
        }
        try {
            store.insertSaveMinutes(rows);
        } catch (RuntimeException e) {
            log.warn("Could not write {} save counts for the evidence timeline: {}", rows.size(), e.toString());
        }
    }
}
