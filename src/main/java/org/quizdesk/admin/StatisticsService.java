package org.quizdesk.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quizdesk.attempt.AttemptResult;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.grading.AnswerSheet;
import org.quizdesk.quiz.Quiz;
import org.springframework.stereotype.Service;

/** Reads a quiz's submitted attempts through the attempt API and hands them to {@link QuizStatistics}. */
@Service
class StatisticsService {

    private final AttemptResults results;
    private final AdminProperties properties;

    StatisticsService(AttemptResults results, AdminProperties properties) {
        this.results = results;
        this.properties = properties;
    }

    QuizStatistics.Result statistics(Quiz quiz) {
        List<AttemptResult> submitted = results.submitted(quiz.id());
        Map<Long, AnswerSheet> answers = results.submittedAnswers(quiz.id());
        List<QuizStatistics.Sample> samples = new ArrayList<>(submitted.size());
        for (AttemptResult result : submitted) {
            BigDecimal total = result.attempt().total() == null ? BigDecimal.ZERO : result.attempt().total();
            samples.add(new QuizStatistics.Sample(total, result.attempt().timeUsed(), result.scores(),
                    answers.get(result.attempt().id()), result.pendingQuestions()));
        }
        return QuizStatistics.of(quiz, samples, properties.poolMinAttempts());
    }

    /** Facility by parameter value of each parameterised question (empty for a quiz without parameters). */
    List<ParameterStatistics.ParameterFacility> parameters(Quiz quiz) {
        if (quiz.parameters().isEmpty()) {
            return List.of();
        }
        List<ParameterStatistics.Seeded> attempts = results.submitted(quiz.id()).stream()
                .map(r -> new ParameterStatistics.Seeded(r.attempt().versionSeed(), r.scores())).toList();
        return ParameterStatistics.of(quiz, attempts);
    }
}
