package org.quizdesk.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The class load benchmark against the packaged jar. In {@code mvn verify} it is the small run (50 students, a
 * 2-minute quiz, a shorter grace period and expiry check so it ends sooner) that fails on any error, lost write
 * or score mismatch; {@code mvn -Pload verify -Dload.students=…} runs it alone as the benchmark, with the knobs
 * in the README. In {@code mvn verify} it runs beside the other ITs (which run one after another): most of its
 * minutes are the quiz's clock, and a class of 50 is light.
 */
@Execution(ExecutionMode.CONCURRENT)
class ClassLoadIT {

    @Test
    void aClassTakesTheQuizWithNoErrorNoLostWriteAndTheStoredScoresOfTheGrading() throws Exception {
        ClassLoadBenchmark.Outcome outcome = ClassLoadBenchmark.run(LoadSettings.fromSystemProperties());

        assertThat(outcome.failures()).as(outcome.summary()).isEmpty();
    }
}
