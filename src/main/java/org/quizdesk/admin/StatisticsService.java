package org.quizdesk.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizdesk.attempt.Attempt;
import org.quizdesk.attempt.AttemptRepository;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.QuestionScoreRecord;
import org.quizdesk.attempt.QuestionScoreRepository;
import org.quizdesk.quiz.Quiz;
import org.springframework.stereotype.Service;

/** Reads a quiz's submitted attempts (two queries) and hands them to {@link QuizStatistics}. */
@Service
class StatisticsService {

    private final AttemptRepository attempts;
    private final QuestionScoreRepository scores;
    private final AttemptService attemptService;

    StatisticsService(AttemptRepository attempts, QuestionScoreRepository scores, AttemptService attemptService) {
        this.attempts = attempts;
        this.scores = scores;
        this.attemptService = attemptService;
    }

    QuizStatistics.Result statistics(Quiz quiz) {
        List<Attempt> submitted = attempts.findByQuizIdAndSubmittedAtIsNotNullOrderByIdAsc(quiz.id());
        Map<Long, List<QuestionScoreRecord>> byAttempt = scores.findByQuiz(quiz.id()).stream()
                .collect(Collectors.groupingBy(QuestionScoreRecord::getAttemptId));
        List<QuizStatistics.Sample> samples = new ArrayList<>(submitted.size());
        for (Attempt attempt : submitted) {
            Map<String, BigDecimal> graded = new HashMap<>();
            for (QuestionScoreRecord score : byAttempt.getOrDefault(attempt.getId(), List.of())) {
                if (!score.isPending()) {
                    graded.put(score.getQuestionId(), score.getScore());
                }
            }
            BigDecimal total = attempt.getTotal() == null ? BigDecimal.ZERO : attempt.getTotal();
            samples.add(new QuizStatistics.Sample(total, attempt.timeUsed(), graded, attemptService.answers(attempt)));
        }
        return QuizStatistics.of(quiz, samples);
    }
}
