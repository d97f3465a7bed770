package org.quizdesk.admin;

import java.math.BigDecimal;
import org.springframework.validation.Errors;

/**
 * A rubric item's new points as typed (negative for a deduction), and the answer to go back to (0: the queues).
 */
record RubricPointsForm(String points, Long back) implements FormFields.Checked {

    RubricPointsForm {
        points = points == null ? "" : points;
        back = back == null ? 0 : back;
    }

    @Override
    public void check(Errors errors) {
        FormFields.read(errors, "points", this::value);
    }

    BigDecimal value() {
        return FormFields.number(points);
    }
}
