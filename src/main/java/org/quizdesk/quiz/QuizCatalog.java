package org.quizdesk.quiz;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.quizdesk.quiz.internal.QuizVersionRepository;
import org.quizdesk.quiz.internal.QuizVersionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quizzes the application knows: synced from the quiz folder at start-up, versioned by content.
 * Parsed quizzes are cached per version, since a version's text never changes.
 */
@Service
public class QuizCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(QuizCatalog.class);

    private final QuizSettingsRepository settings;
    private final QuizVersionRepository versions;
    private final QuizProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<Long, Quiz> parsedByVersion = new ConcurrentHashMap<>();
    private volatile List<QuizFileProblem> problems = List.of();

    QuizCatalog(QuizSettingsRepository settings, QuizVersionRepository versions, QuizProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.versions = versions;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        sync();
    }

    /** Reads the quiz folder and records every new content as a new version; bad files are reported, not loaded. */
    public synchronized FolderReport sync() {
        FolderReport report = QuizFileReader.readFolder(properties.dir());
        problems = List.copyOf(report.problems());
        report.problems().forEach(p -> log.warn("Quiz file not loaded: {}", p));
        for (LoadedQuiz loaded : report.quizzes()) {
            long versionId;
            try {
                versionId = transactions.execute(status -> record(loaded));
            } catch (DataIntegrityViolationException raced) {
                // another app node recorded the same quiz or version a moment ago: take theirs
                versionId = transactions.execute(status -> record(loaded));
            }
            parsedByVersion.putIfAbsent(versionId, loaded.quiz());
        }
        log.info("Quiz folder {}: {} quiz(zes) loaded, {} problem(s)", properties.dir().toAbsolutePath().normalize(),
                report.quizzes().size(), report.problems().size());
        return report;
    }

    private long record(LoadedQuiz loaded) {
        Quiz quiz = loaded.quiz();
        QuizSettingsRow quizSettings = settings.findById(quiz.id())
                .orElseGet(() -> settings.save(created(quiz)));
        QuizVersionRow version = versions.findByQuizIdAndContentHash(quiz.id(), loaded.contentHash())
                .orElseGet(() -> versions.save(new QuizVersionRow(quiz.id(), loaded.contentHash(),
                        loaded.file().toString(), loaded.source(), clock.instant())));
        if (!version.getId().equals(quizSettings.getCurrentVersionId())) {
            log.info("Quiz {} now at version {} ({})", quiz.id(), version.getId(), loaded.file());
        }
        quizSettings.setCurrentVersion(version.getId(), quiz.title());
        return version.getId();
    }

    /** A quiz seen for the first time: hidden from students unless the application publishes new quizzes. */
    private QuizSettingsRow created(Quiz quiz) {
        QuizSettingsRow created = new QuizSettingsRow(quiz.id(), quiz.title(), clock.instant());
        created.setPublished(properties.publishNew());
        return created;
    }

    /** Problems of the last sync, to show course staff. */
    public List<QuizFileProblem> problems() {
        return problems;
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
        return parsedByVersion.computeIfAbsent(versionId, this::parseStored);
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
