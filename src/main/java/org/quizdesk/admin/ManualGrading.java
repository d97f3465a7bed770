package org.quizdesk.admin;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.quizdesk.attempt.Attempt;
import org.quizdesk.attempt.QuestionScoreRecord;
import org.quizdesk.attempt.QuestionScoreRepository;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.ManualGrade;
import org.quizdesk.grading.Points;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.RubricItem;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Hand grading: the queue of one question's answers, rubric grades, and rubric point changes that re-score. */
@Service
class ManualGrading {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final QuestionScoreRepository scores;
    private final ManualGradeRepository grades;
    private final RubricPointsRepository rubricPoints;
    private final ScoreKeeper keeper;
    private final QuizCatalog catalog;
    private final JsonMapper json;
    private final Clock clock;

    ManualGrading(QuestionScoreRepository scores, ManualGradeRepository grades, RubricPointsRepository rubricPoints,
            ScoreKeeper keeper, QuizCatalog catalog, JsonMapper json, Clock clock) {
        this.scores = scores;
        this.grades = grades;
        this.rubricPoints = rubricPoints;
        this.keeper = keeper;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    record Progress(long graded, long total) {
        public boolean done() {
            return graded == total;
        }
    }

    /** A grade as stored, for the grading form. */
    record StoredGrade(Set<String> rubricItemIds, BigDecimal adjustment, String comment) {
    }

    /** The hand-graded questions of the quiz's current version. */
    @Transactional(readOnly = true)
    public List<ShortAnswerQuestion> manualQuestions(String quizId) {
        return catalog.current(quizId).map(CurrentQuiz::quiz).map(q -> q.questions().stream()
                .filter(ManualGrading::isManual).map(ShortAnswerQuestion.class::cast).toList()).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Progress progress(String quizId, String questionId) {
        return new Progress(scores.countGraded(quizId, questionId), scores.countAnswers(quizId, questionId));
    }

    /** The next answer waiting for a grader after the given attempt (wrapping round), if any. */
    @Transactional(readOnly = true)
    public Optional<Long> nextPending(String quizId, String questionId, long afterAttemptId) {
        List<QuestionScoreRecord> queue = scores.findByQuizAndQuestion(quizId, questionId);
        return queue.stream().filter(QuestionScoreRecord::isPending).map(QuestionScoreRecord::getAttemptId)
                .filter(id -> id > afterAttemptId).findFirst()
                .or(() -> queue.stream().filter(QuestionScoreRecord::isPending).map(QuestionScoreRecord::getAttemptId).findFirst());
    }

    /** The attempts with an answer to this question, in queue order, to step through graded ones as well. */
    @Transactional(readOnly = true)
    public List<Long> queue(String quizId, String questionId) {
        return scores.findByQuizAndQuestion(quizId, questionId).stream().map(QuestionScoreRecord::getAttemptId).toList();
    }

    /** The question as graders see it: the file's rubric with any points changed in the panel. */
    @Transactional(readOnly = true)
    public ShortAnswerQuestion effective(String quizId, ShortAnswerQuestion question) {
        Map<String, BigDecimal> changed = rubricPoints.findByQuizIdAndQuestionId(quizId, question.id()).stream()
                .collect(Collectors.toMap(RubricPoints::getItemId, RubricPoints::getPoints));
        return withPoints(question, changed);
    }

    static ShortAnswerQuestion withPoints(ShortAnswerQuestion question, Map<String, BigDecimal> changed) {
        if (changed.isEmpty()) {
            return question;
        }
        List<RubricItem> rubric = question.rubric().stream()
                .map(item -> changed.containsKey(item.id()) ? new RubricItem(item.id(), changed.get(item.id()), item.text()) : item)
                .toList();
        return new ShortAnswerQuestion(question.id(), question.points(), question.prompt(), question.figures(), question.accept(),
                question.manual(), rubric, question.solution());
    }

    @Transactional(readOnly = true)
    public Optional<StoredGrade> stored(long attemptId, String questionId) {
        return grades.findById(new QuestionScoreRecord.Key(attemptId, questionId)).map(this::stored);
    }

    StoredGrade stored(ManualGradeRecord record) {
        return new StoredGrade(new HashSet<>(json.readValue(record.getRubricItems(), STRINGS)), record.getAdjustment(),
                record.getComment());
    }

    /**
     * Applies rubric items and an adjustment to one answer. A grade replaces an earlier override of the question.
     *
     * @throws IllegalArgumentException with a message for the grader
     */
    @Transactional
    public QuestionScore grade(long attemptId, String questionId, Set<String> rubricItemIds, BigDecimal adjustment,
            String comment, long graderId) {
        Attempt attempt = keeper.submitted(attemptId);
        ShortAnswerQuestion question = manualQuestion(attempt, questionId);
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        BigDecimal cleanAdjustment = adjustment == null ? BigDecimal.ZERO : adjustment;
        if (cleanAdjustment.signum() != 0 && cleanComment == null) {
            throw new IllegalArgumentException("Say why in a comment when you adjust the score.");
        }
        ManualGrade grade = new ManualGrade(rubricItemIds, cleanAdjustment, cleanComment);
        QuestionScore score = Grader.applyManualGrade(effective(attempt.getQuizId(), question), grade);
        ManualGradeRecord record = grades.findById(new QuestionScoreRecord.Key(attemptId, questionId))
                .orElseGet(() -> new ManualGradeRecord(attemptId, questionId));
        record.set(json.writeValueAsString(new ArrayList<>(grade.rubricItemIds())), cleanAdjustment, cleanComment, graderId,
                clock.instant());
        grades.save(record);
        keeper.set(keeper.record(attemptId, questionId), score, null, graderId, "graded: " + String.join("; ", score.reasons()));
        keeper.recomputeTotal(attemptId);
        return score;
    }

    /**
     * Changes a rubric item's points for the quiz and re-scores every answer it was applied to (overridden
     * answers keep their override).
     *
     * @return how many answers were re-scored
     */
    @Transactional
    public int changeRubricPoints(String quizId, String questionId, String itemId, BigDecimal points, long by) {
        ShortAnswerQuestion current = manualQuestions(quizId).stream().filter(q -> q.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Question " + questionId + " is not graded by hand in this quiz."));
        RubricItem item = current.rubric().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Question " + questionId + " has no rubric item \"" + itemId + "\"."));
        if (points.abs().compareTo(current.points()) > 0) {
            throw new IllegalArgumentException("A rubric item is worth between " + Points.MINUS + Points.inReasons(current.points())
                    + " and " + Points.inReasons(current.points()) + " points.");
        }
        RubricPoints changed = rubricPoints.findById(new RubricPoints.Key(quizId, questionId, itemId))
                .orElseGet(() -> new RubricPoints(quizId, questionId, itemId));
        changed.set(points, by, clock.instant());
        rubricPoints.saveAndFlush(changed);
        int rescored = 0;
        for (ManualGradeRecord grade : grades.findByQuizAndQuestion(quizId, questionId)) {
            StoredGrade stored = stored(grade);
            if (!stored.rubricItemIds().contains(itemId)) {
                continue;
            }
            if (reapply(grade.getAttemptId(), questionId, stored, by, "rubric item \u201c" + item.text() + "\u201d now worth "
                    + Points.inReasons(points) + " points")) {
                rescored++;
            }
        }
        return rescored;
    }

    /** Re-applies a stored grade with the current rubric points; an overridden answer keeps its override. */
    boolean reapply(long attemptId, String questionId, StoredGrade stored, long by, String why) {
        QuestionScoreRecord record = keeper.record(attemptId, questionId);
        if (record.isOverridden()) {
            return false;
        }
        Attempt attempt = keeper.submitted(attemptId);
        QuestionScore score = Grader.applyManualGrade(effective(attempt.getQuizId(), manualQuestion(attempt, questionId)),
                new ManualGrade(stored.rubricItemIds(), stored.adjustment(), stored.comment()));
        keeper.set(record, score, null, by, why);
        keeper.recomputeTotal(attemptId);
        return true;
    }

    private ShortAnswerQuestion manualQuestion(Attempt attempt, String questionId) {
        Question question = catalog.version(attempt.getVersionId()).question(questionId)
                .orElseThrow(() -> new IllegalArgumentException("This quiz has no question " + questionId + "."));
        if (!isManual(question)) {
            throw new IllegalArgumentException("Question " + questionId + " is graded automatically; override its score instead.");
        }
        return (ShortAnswerQuestion) question;
    }

    static boolean isManual(Question question) {
        return question instanceof ShortAnswerQuestion shortAnswer && shortAnswer.manual();
    }
}
