package org.quizdesk.quiz.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RubricPointsRepository extends JpaRepository<RubricPoints, RubricPoints.Key> {

    List<RubricPoints> findByQuizIdAndQuestionId(String quizId, String questionId);

    List<RubricPoints> findByQuizId(String quizId);
}
