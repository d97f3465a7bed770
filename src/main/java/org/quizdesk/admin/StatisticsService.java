package org.quizdesk.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.quizdesk.attempt.AttemptResult;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.quiz.Quiz;
import org.springframework.stereotype.Service;

/**
 * Reads a quiz's submitted attempts through the attempt API once (two queries, whatever the class's size) and hands
 * them to {@link QuizStatistics} and {@link ParameterStatistics}.
 */
@Service
class StatisticsService {

    /** What the statistics page shows: the item analysis, and facility by parameter value (empty without parameters). */
    record Report(QuizStatistics.Result stats, List<ParameterStatistics.ParameterFacility> byParameter) {
    }

    private final AttemptResults results;
    private final AdminProperties properties;

    StatisticsService(AttemptResults results, AdminProperties properties) {
        this.results = results;
        this.properties = properties;
    }

    Report report(Quiz quiz) {
        List<AttemptResults.Answered> submitted = results.submittedWithAnswers(quiz.id());
        List<QuizStatistics.Sample> samples = new ArrayList<>(submitted.size());
        List<ParameterStatistics.Seeded> seeded = new ArrayList<>(quiz.parameters().isEmpty() ? 0 : submitted.size());
        for (AttemptResults.Answered answered : submitted) {
            AttemptResult result = answered.result();
            BigDecimal total = result.attempt().total() == null ? BigDecimal.ZERO : result.attempt().total();
            samples.add(new QuizStatistics.Sample(total, result.attempt().timeUsed(), result.scores(), answered.answers(),
                    result.pendingQuestions()));
            if (!quiz.parameters().isEmpty()) {
                seeded.add(new ParameterStatistics.Seeded(result.attempt().versionSeed(), result.scores()));
            }
        }
        return new Report(QuizStatistics.of(quiz, samples, properties.poolMinAttempts()),
                quiz.parameters().isEmpty() ? List.of() : ParameterStatistics.of(quiz, seeded));
    }
}
