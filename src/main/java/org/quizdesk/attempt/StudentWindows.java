package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.attempt.internal.Accommodation;
import org.quizdesk.attempt.internal.AccommodationRepository;
import org.quizdesk.quiz.QuizSettings;
import org.springframework.stereotype.Component;

/** The window a student may start in and their time: the quiz's, unless an accommodation gives them their own. */
@Component
class StudentWindows {

    private final AccommodationRepository accommodations;

    StudentWindows(AccommodationRepository accommodations) {
        this.accommodations = accommodations;
    }

    StudentWindow of(QuizSettings settings, long accountId) {
        return of(settings, accommodations.findByQuizIdAndAccountId(settings.getId(), accountId));
    }

    /** A student's windows on many quizzes at once (their quiz list), in one query. */
    Map<String, StudentWindow> of(List<QuizSettings> quizzes, long accountId) {
        Map<String, Accommodation> mine = accommodations.findByAccountId(accountId).stream()
                .collect(Collectors.toMap(Accommodation::getQuizId, Function.identity()));
        return quizzes.stream().collect(Collectors.toMap(QuizSettings::getId,
                quiz -> of(quiz, Optional.ofNullable(mine.get(quiz.getId())))));
    }

    private static StudentWindow of(QuizSettings settings, Optional<Accommodation> accommodation) {
        Instant opens = accommodation.map(Accommodation::getOpensAt).orElse(null);
        Instant closes = accommodation.map(Accommodation::getClosesAt).orElse(null);
        return new StudentWindow(
                settings.isPublished(),
                opens != null ? opens : settings.getOpensAt(),
                closes != null ? closes : settings.getClosesAt(),
                accommodation.map(Accommodation::getTimeFactor).orElse(BigDecimal.ONE),
                accommodation.map(Accommodation::getExtraMinutes).orElse(0));
    }
}
