package org.quizdesk.admin;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RubricPointsRepository extends JpaRepository<RubricPoints, RubricPoints.Key> {

    List<RubricPoints> findByQuizIdAndQuestionId(String quizId, String questionId);

    List<RubricPoints> findByQuizId(String quizId);
}
