package org.quizdesk.load;

/**
 * What the simulation needs from the run around it. Gatling instantiates {@link ClassSimulation} itself, in this
 * JVM, so the run hands it over here.
 */
record ClassRun(LoadSettings settings, int port, RunLedger ledger, AnswerSheets answerSheets) {

    private static volatile ClassRun current;

    static ClassRun current() {
        if (current == null) {
            throw new IllegalStateException("ClassSimulation runs inside ClassLoadBenchmark, which starts the app first");
        }
        return current;
    }

    static void begin(ClassRun run) {
        current = run;
    }

    static void end() {
        current = null;
    }
}
