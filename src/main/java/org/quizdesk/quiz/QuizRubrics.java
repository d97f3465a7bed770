package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizdesk.quiz.internal.RubricPoints;
import org.quizdesk.quiz.internal.RubricPointsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rubrics of hand-graded questions as graders use them: the quiz file's, with points changed in the panel. */
@Service
public class QuizRubrics {

    private final RubricPointsRepository rubricPoints;
    private final Clock clock;

    QuizRubrics(RubricPointsRepository rubricPoints, Clock clock) {
        this.rubricPoints = rubricPoints;
        this.clock = clock;
    }

    /** Whether a grader scores the question with its rubric (the others are scored automatically). */
    public static boolean handGraded(Question question) {
        return question instanceof ShortAnswerQuestion shortAnswer && shortAnswer.manual();
    }

    /** The question as graders see it: the file's rubric with any points changed in the panel. */
    @Transactional(readOnly = true)
    public ShortAnswerQuestion effective(String quizId, ShortAnswerQuestion question) {
        Map<String, BigDecimal> changed = rubricPoints.findByQuizIdAndQuestionId(quizId, question.id()).stream()
                .collect(Collectors.toMap(RubricPoints::getItemId, RubricPoints::getPoints));
        if (changed.isEmpty()) {
            return question;
        }
        List<RubricItem> rubric = question.rubric().stream()
                .map(item -> changed.containsKey(item.id()) ? new RubricItem(item.id(), changed.get(item.id()), item.text()) : item)
                .toList();
        return new ShortAnswerQuestion(question.id(), question.points(), question.prompt(), question.figures(), question.accept(),
                question.manual(), rubric, question.solution());
    }

    /**
     * Changes a rubric item's points for the quiz (in the caller's transaction).
     *
     * @return the item as it was
     * @throws IllegalArgumentException with a message for the grader: no such item, or points beyond the question's
     */
    @Transactional
    public RubricItem change(String quizId, ShortAnswerQuestion question, String itemId, BigDecimal points, long by) {
        RubricItem item = question.rubric().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Question " + question.id() + " has no rubric item \"" + itemId + "\"."));
        if (points.abs().compareTo(question.points()) > 0) {
            throw new IllegalArgumentException("A rubric item is worth between " + Points.MINUS + Points.inText(question.points())
                    + " and " + Points.inText(question.points()) + " points.");
        }
        RubricPoints changed = rubricPoints.findById(new RubricPoints.Key(quizId, question.id(), itemId))
                .orElseGet(() -> new RubricPoints(quizId, question.id(), itemId));
        changed.set(points, by, clock.instant());
        rubricPoints.saveAndFlush(changed);
        return item;
    }
}
