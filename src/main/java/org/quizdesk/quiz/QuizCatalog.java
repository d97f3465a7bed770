package org.quizdesk.quiz;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quizdesk.quiz.internal.FolderSyncRepository;
import org.quizdesk.quiz.internal.FolderSyncRow;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.quizdesk.quiz.internal.QuizVersionRepository;
import org.quizdesk.quiz.internal.QuizVersionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.boot.ApplicationRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quizzes the application knows: synced from the quiz folder at start-up, when a file changes
 * ({@link QuizFolderWatcher}) and on an instructor's "Sync now"; versioned by content. Parsed quizzes are cached per
 * version ({@value QuizCaches#PARSED_VERSIONS}), since a version's text never changes. The current version of each quiz and the last sync's problems
 * live in the database, so every node serves what any node synced.
 */
@Service
public class QuizCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(QuizCatalog.class);

    private final QuizSettingsRepository settings;
    private final QuizVersionRepository versions;
    private final FolderSyncRepository folderSyncs;
    private final QuizProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Cache parsedVersions;

    QuizCatalog(QuizSettingsRepository settings, QuizVersionRepository versions, FolderSyncRepository folderSyncs,
            QuizProperties properties, TransactionTemplate transactions, Clock clock, CacheManager caches) {
        this.parsedVersions = caches.getCache(QuizCaches.PARSED_VERSIONS);
        this.settings = settings;
        this.versions = versions;
        this.folderSyncs = folderSyncs;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        sync();
    }

    /**
     * Reads the quiz folder and records every new content as a new version; a bad file is reported and not loaded,
     * so the quiz keeps the version that works. Attempts keep the version they started on.
     */
    public synchronized FolderSync sync() {
        FolderReport report = QuizFileReader.readFolder(properties.dir());
        report.problems().forEach(p -> log.warn("Quiz file not loaded: {}", p));
        List<String> changed = new ArrayList<>();
        for (LoadedQuiz loaded : report.quizzes()) {
            Recorded recorded;
            try {
                recorded = transactions.execute(status -> record(loaded));
            } catch (DataIntegrityViolationException raced) {
                // another app node recorded the same quiz or version a moment ago: take theirs
                recorded = transactions.execute(status -> record(loaded));
            }
            parsedVersions.putIfAbsent(recorded.versionId(), loaded.quiz());
            if (recorded.changed()) {
                changed.add(loaded.quiz().id());
            }
        }
        FolderSyncRow row = new FolderSyncRow(clock.instant(), report.quizzes().size(), report.problems());
        try {
            folderSyncs.save(row);
        } catch (DataIntegrityViolationException raced) {
            // another node wrote the first sync's row a moment ago: this sync is the later one
            folderSyncs.save(row);
        }
        log.info("Quiz folder {}: {} quiz(zes) loaded, {} changed, {} problem(s)",
                properties.dir().toAbsolutePath().normalize(), report.quizzes().size(), changed.size(),
                report.problems().size());
        return new FolderSync(row.getSyncedAt(), report.quizzes().stream().map(q -> q.quiz().id()).toList(), changed,
                report.problems());
    }

    private record Recorded(long versionId, boolean changed) {
    }

    private Recorded record(LoadedQuiz loaded) {
        Quiz quiz = loaded.quiz();
        QuizSettingsRow quizSettings = settings.findById(quiz.id())
                .orElseGet(() -> settings.save(created(quiz)));
        QuizVersionRow version = versions.findByQuizIdAndContentHash(quiz.id(), loaded.contentHash())
                .orElseGet(() -> versions.save(new QuizVersionRow(quiz.id(), loaded.contentHash(),
                        loaded.file().toString(), loaded.source(), clock.instant())));
        boolean changed = !version.getId().equals(quizSettings.getCurrentVersionId());
        if (changed) {
            log.info("Quiz {} now at version {} ({})", quiz.id(), version.getId(), loaded.file());
        }
        quizSettings.setCurrentVersion(version.getId(), quiz.title());
        return new Recorded(version.getId(), changed);
    }

    /** A quiz seen for the first time: hidden from students unless the application publishes new quizzes. */
    private QuizSettingsRow created(Quiz quiz) {
        QuizSettingsRow created = new QuizSettingsRow(quiz.id(), quiz.title(), clock.instant());
        created.setPublished(properties.publishNew());
        return created;
    }

    /** Problems of the last sync on any node, to show course staff. */
    public List<QuizFileProblem> problems() {
        return lastSync().map(FolderSync::problems).orElse(List.of());
    }

    /** The last sync of the folder on any node; empty before the first. */
    @Transactional(readOnly = true)
    public Optional<FolderSync> lastSync() {
        return folderSyncs.findById(FolderSyncRow.ID)
                .map(row -> new FolderSync(row.getSyncedAt(), List.of(), List.of(), row.problems()));
    }

    @Transactional(readOnly = true)
    public List<CurrentQuiz> all() {
        return settings.findAllByOrderByIdAsc().stream()
                .filter(s -> s.getCurrentVersionId() != null)
                .map(s -> new CurrentQuiz(QuizSettings.of(s), s.getCurrentVersionId(), version(s.getCurrentVersionId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<CurrentQuiz> current(String quizId) {
        return settings.findById(quizId)
                .filter(s -> s.getCurrentVersionId() != null)
                .map(s -> new CurrentQuiz(QuizSettings.of(s), s.getCurrentVersionId(), version(s.getCurrentVersionId())));
    }

    /** The quiz with its current version, or {@link QuizNotFound}. */
    @Transactional(readOnly = true)
    public CurrentQuiz currentOrThrow(String quizId) {
        return current(quizId).orElseThrow(() -> new QuizNotFound(quizId));
    }

    /** The quiz exactly as it was in the given version. */
    public Quiz version(long versionId) {
        // not Cache.get(key, loader): that wraps the loader's QuizNotFound in a ValueRetrievalException
        Cache.ValueWrapper parsed = parsedVersions.get(versionId);
        if (parsed != null) {
            return (Quiz) parsed.get();
        }
        Quiz quiz = parseStored(versionId);
        Cache.ValueWrapper raced = parsedVersions.putIfAbsent(versionId, quiz);
        return raced == null ? quiz : (Quiz) raced.get();
    }

    private Quiz parseStored(long versionId) {
        QuizVersionRow stored = versions.findById(versionId)
                .orElseThrow(() -> QuizNotFound.version(versionId));
        try {
            return QuizFileReader.read(stored.getSourceFile(), stored.getSource());
        } catch (QuizFileException e) {
            // A stored version was valid when recorded; only a reader change can make it fail.
            throw new IllegalStateException("stored quiz version " + versionId + " no longer reads: " + e.getMessage(), e);
        }
    }

    @Transactional(readOnly = true)
    public List<QuizVersion> history(String quizId) {
        return versions.findByQuizIdOrderByIdAsc(quizId).stream().map(QuizVersionRow::toVersion).toList();
    }
}
