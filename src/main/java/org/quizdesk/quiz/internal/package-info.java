/**
 * The quiz module's tables: a quiz's settings with its current version, and every version's text, as rows with their
 * repositories. Private to {@code quiz} (Spring Modulith treats a module's sub-packages as internal); the other
 * features read {@code QuizSettings} and {@code QuizVersion} through {@code QuizCatalog}, and staff change settings
 * through {@code QuizSettingsService}, where the rows keep the quiz's own rules.
 */
package org.quizdesk.quiz.internal;
