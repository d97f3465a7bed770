package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.QuestionScoreRecord;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.grading.Answer;
import org.quizdesk.grading.AnswerSheet;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.QuizMarkdown;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.TrueFalseQuestion;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The review of a submitted attempt: each answer with its score and reasons, and (once released) the key and solutions.
 * The words around answers and keys ("True", "(blank)", "… or …") are in the reader's language; course staff and CSV
 * files read English. Numbers in a key stay as the quiz file writes them, which is also how an answer is typed.
 */
@Component
public class ReviewSheets {

    private final AttemptAnswers answers;
    private final QuestionScoreRepository scores;
    private final QuizCatalog catalog;
    private final QuizMarkdown markdown;
    private final QuizSheets sheets;
    private final MessageSource messages;

    ReviewSheets(AttemptAnswers answers, QuestionScoreRepository scores, QuizCatalog catalog, QuizMarkdown markdown,
            QuizSheets sheets, MessageSource messages) {
        this.sheets = sheets;
        this.messages = messages;
        this.answers = answers;
        this.scores = scores;
        this.catalog = catalog;
        this.markdown = markdown;
    }

    public record Review(Map<String, QuestionReview> questions, BigDecimal total, BigDecimal max, boolean provisional,
            boolean solutions) {

        public QuestionReview question(String id) {
            return questions.get(id);
        }
    }

    /**
     * key and solutionHtml are null unless solutions are released. answer and key name options by the file's keys
     * (exports compare like with like); seenKey by the letters the student saw; staffAnswer and staffKey by both,
     * "B (file: D)", where a shuffled question's letter differs from the key. values names a parameterised
     * question's values in the student's version ("inputs = 12, outputs = 5"), empty for other questions.
     */
    public record QuestionReview(String answer, boolean blank, BigDecimal score, BigDecimal max, List<String> reasons,
            String overrideComment, String key, String solutionHtml, List<QuizSheet.FigureView> solutionFigures,
            List<OptionReview> options, String seenKey, String staffAnswer, String staffKey, String values) {

        public boolean pending() {
            return score == null;
        }

        public boolean full() {
            return score != null && score.compareTo(max) == 0;
        }
    }

    /**
     * @param label the letter the student saw for the file's key
     * @param verdict the message key of the option's verdict ("review.verdict.correct"), null before solutions
     */
    public record OptionReview(String key, String label, String textHtml, boolean selected, String verdict,
            String solutionHtml) {
    }

    /** The words of answers and keys in one language. */
    private record Words(MessageSource messages, Locale locale) {

        String of(String code, Object... args) {
            return messages.getMessage(code, args, locale);
        }
    }

    /** @param locale the reader's language: the student's page's, or English for staff and CSV files */
    Review review(Attempt attempt, boolean withSolutions, Locale locale) {
        Words words = new Words(messages, locale);
        // the student's order of options and their letters; the questions keep the file's order here
        StudentVersion version = StudentVersion.of(catalog.version(attempt.getVersionId()), attempt.getVersionSeed());
        Quiz quiz = version.quiz();
        AnswerSheet answers = this.answers.of(attempt);
        Map<String, QuestionScoreRecord> scores = this.scores.findByAttemptId(attempt.getId()).stream()
                .collect(Collectors.toMap(QuestionScoreRecord::getQuestionId, Function.identity()));
        Map<String, QuestionReview> reviews = new LinkedHashMap<>();
        for (Question question : quiz.questions()) {
            QuestionScoreRecord score = scores.get(question.id());
            reviews.put(question.id(), review(question, answers.get(question.id()), score, withSolutions, version, words));
        }
        boolean provisional = attempt.getPendingCount() != null && attempt.getPendingCount() > 0;
        return new Review(reviews, attempt.getTotal(), attempt.getMaxPoints(), provisional, withSolutions);
    }

    /**
     * A version as course staff preview it: every question of the version unanswered, with the key (in the letters
     * of this version and by the file's keys) and the solutions. For staff only: it holds the key.
     */
    public Review preview(StudentVersion version) {
        Words words = new Words(messages, Locale.ENGLISH);
        Map<String, QuestionReview> reviews = new LinkedHashMap<>();
        for (Question question : version.quiz().questions()) {
            reviews.put(question.id(), review(question, Optional.empty(), null, true, version, words));
        }
        return new Review(reviews, null, version.file().maxPoints(), false, true);
    }

    private QuestionReview review(Question question, Optional<Answer> answer, QuestionScoreRecord score, boolean withSolutions,
            StudentVersion version, Words words) {
        UnaryOperator<String> seen = key -> version.label(question.id(), key);
        UnaryOperator<String> both = key -> seen.apply(key).equals(key) ? key : seen.apply(key) + " (file: " + key + ")";
        // until solutions are released the reasons must not name the key ("missed A" would give it away)
        List<String> reasons = score == null ? List.of() : withSolutions ? score.getReasons() : score.getKeyFreeReasons();
        return new QuestionReview(
                answer.map(a -> display(a, UnaryOperator.identity(), words)).orElse(words.of("review.answer.blank")),
                answer.isEmpty(),
                score == null ? null : score.getScore(),
                question.points(),
                reasons,
                score == null ? null : score.getOverrideComment(),
                withSolutions ? key(fileKeyQuestion(question, version), UnaryOperator.identity(), words) : null,
                withSolutions ? markdown.html(question.solution()) : null,
                withSolutions ? sheets.figures(question.solutionFigures()) : List.of(),
                options(question, answer, withSolutions, seen),
                withSolutions ? key(question, seen, words) : null,
                answer.map(a -> display(a, both, words)).orElse(words.of("review.answer.blank")),
                withSolutions ? key(question, both, words) : null,
                version.values(question.id()).entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                        .collect(Collectors.joining(", ")));
    }

    private List<OptionReview> options(Question question, Optional<Answer> answer, boolean withSolutions,
            UnaryOperator<String> seen) {
        if (!(question instanceof MultiSelectQuestion multi)) {
            return List.of();
        }
        return multi.options().stream().map(option -> new OptionReview(
                option.key(),
                seen.apply(option.key()),
                markdown.inlineHtml(option.text()),
                answer.filter(a -> a instanceof Answer.Selection s && s.keys().contains(option.key())).isPresent(),
                withSolutions ? verdict(option.correct()) : null,
                withSolutions ? markdown.html(option.solution()) : null)).toList();
    }

    /** The key of the verdict's text in the message bundle: the review shows it in the student's language. */
    private static String verdict(MultiSelectQuestion.Correctness correctness) {
        switch (correctness) {
            case TRUE: return "review.verdict.correct";
            case FALSE: return "review.verdict.incorrect";
            default: return "review.verdict.either";
        }
    }

    /**
     * The question whose key is listed by the file's keys: the file's, except that a parameterised question's
     * answers are this student's values (the file has only their expressions).
     */
    private static Question fileKeyQuestion(Question question, StudentVersion version) {
        return version.file().parameters().containsKey(question.id()) ? question
                : version.file().question(question.id()).orElseThrow();
    }

    /** @param label how an option is named: by its key, or by the letter the student saw */
    private static String display(Answer answer, UnaryOperator<String> label, Words words) {
        if (answer instanceof Answer.TrueFalse tf) {
            return words.of(tf.value() ? "review.answer.true" : "review.answer.false");
        }
        if (answer instanceof Answer.Selection selection) {
            return selection.keys().isEmpty() ? words.of("review.answer.nothingSelected") : selection.keys().stream()
                    .map(label).sorted().collect(Collectors.joining(", "));
        }
        return ((Answer.Text) answer).value();
    }

    /** @param question in the order the options are listed: the file's for keys, the student's for their letters */
    private static String key(Question question, UnaryOperator<String> label, Words words) {
        if (question instanceof TrueFalseQuestion tf) {
            return words.of(tf.answer() ? "review.answer.true" : "review.answer.false");
        }
        if (question instanceof MultiSelectQuestion multi) {
            String correct = multi.options().stream().filter(o -> o.correct() == MultiSelectQuestion.Correctness.TRUE)
                    .map(o -> label.apply(o.key())).collect(Collectors.joining(", "));
            String either = multi.options().stream().filter(o -> o.correct() == MultiSelectQuestion.Correctness.EITHER)
                    .map(o -> label.apply(o.key())).collect(Collectors.joining(", "));
            return either.isEmpty() ? correct : words.of("review.key.eitherAccepted", correct, either);
        }
        ShortAnswerQuestion shortAnswer = (ShortAnswerQuestion) question;
        if (shortAnswer.manual()) {
            return words.of("review.key.byHand");
        }
        return shortAnswer.accept().stream().map(a -> accepted(a, words))
                .reduce((first, second) -> words.of("review.key.or", first, second)).orElse("");
    }

    private static String accepted(AcceptedAnswer accepted, Words words) {
        if (accepted instanceof AcceptedAnswer.Shape shape) {
            return shape.dimensions().stream().map(String::valueOf).collect(Collectors.joining(" × "));
        }
        if (accepted instanceof AcceptedAnswer.Number number) {
            String value = number.value().stripTrailingZeros().toPlainString();
            if (number.tolerance().signum() == 0) {
                return value;
            }
            return words.of(number.relative() ? "review.key.withinRelative" : "review.key.within", value,
                    number.tolerance().stripTrailingZeros().toPlainString());
        }
        if (accepted instanceof AcceptedAnswer.Text text) {
            return text.text();
        }
        return words.of("review.key.matching", ((AcceptedAnswer.Regex) accepted).pattern().pattern());
    }
}
