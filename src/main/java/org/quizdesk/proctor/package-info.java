/**
 * The exam room's state as the proctor sets it: the audit log of the proctor's actions ({@link ProctorLog}), the
 * announcements to the class and a quiz's pause ({@link QuizRooms}). It knows nothing of attempts: the attempt feature
 * reads a quiz's room (its live stamp, pause, announcements) and carries out the actions that change attempts.
 */
package org.quizdesk.proctor;
