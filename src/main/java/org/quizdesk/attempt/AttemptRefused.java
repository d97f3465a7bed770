package org.quizdesk.attempt;

import java.time.Duration;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A request about an attempt that is refused, with a reason the student can read: the exception's message is the
 * English text (for logs), and as a {@link MessageSourceResolvable} it names the key of that text in the message
 * bundle, so that {@link AttemptErrors} and the pages show it in the student's language.
 */
public class AttemptRefused extends RuntimeException implements MessageSourceResolvable {

    public enum Why {
        NOT_FOUND, NOT_OPEN, ALREADY_SUBMITTED, TIME_UP, INVALID_ANSWERS, TOO_LARGE, BAD_SIGNATURE, TOO_FAST,
        /** the access code is missing or wrong (start only) */
        WRONG_ACCESS_CODE,
        /** too many access codes tried in a short time */
        ACCESS_CODE_TRIES,
        /** the request came from outside the quiz's address ranges */
        OUTSIDE_NETWORK,
        /** the request did not carry Safe Exam Browser's headers for the quiz's keys */
        NOT_SAFE_EXAM_BROWSER,
        /** the proctor has paused the quiz (start only) */
        PAUSED,
        /** the node has more saves waiting for a commit than it queues, or the commit took too long: nothing was stored */
        BUSY
    }

    private final Why why;
    private final Duration retryAfter;
    private final String code;
    private final Object[] arguments;

    /** A refusal whose message has no key (it is shown as it is, in English). */
    public AttemptRefused(Why why, String message) {
        this(why, message, null, null, new Object[0]);
    }

    /** A refusal whose message is the text of {@code code} in the bundle; {@code englishMessage} is the same text in English. */
    public AttemptRefused(Why why, String code, String englishMessage, Object... arguments) {
        this(why, englishMessage, null, code, arguments);
    }

    private AttemptRefused(Why why, String message, Duration retryAfter, String code, Object[] arguments) {
        super(message);
        this.why = why;
        this.retryAfter = retryAfter;
        this.code = code;
        this.arguments = arguments;
    }

    public Why why() {
        return why;
    }

    /** Refused by the quiz's access rules: trying again from the same place and browser cannot help. */
    public boolean byAccessRule() {
        return why == Why.WRONG_ACCESS_CODE || why == Why.ACCESS_CODE_TRIES || why == Why.OUTSIDE_NETWORK
                || why == Why.NOT_SAFE_EXAM_BROWSER;
    }

    /** How long the client should wait before trying again; null when trying again cannot help. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String[] getCodes() {
        return code == null ? null : new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }

    /** The message for a flash attribute (kept in the session, so a copy, not the exception); the page shows its text. */
    public MessageSourceResolvable pageMessage() {
        return new DefaultMessageSourceResolvable(this);
    }

    static AttemptRefused tooFast(Duration retryAfter) {
        return new AttemptRefused(Why.TOO_FAST, "Saving too often; your answers stay on this page and are sent again in a moment.",
                retryAfter, "attempt.refused.tooFast", new Object[0]);
    }

    static AttemptRefused busy(Duration retryAfter) {
        return new AttemptRefused(Why.BUSY, "The server is busy; your answers stay on this page and are sent again in a moment.",
                retryAfter, "attempt.refused.busy", new Object[0]);
    }

    static AttemptRefused notFound() {
        return new AttemptRefused(Why.NOT_FOUND, "attempt.refused.noSuchAttempt", "There is no such attempt for your account.");
    }

    static AttemptRefused tooLarge(int maxBytes) {
        return new AttemptRefused(Why.TOO_LARGE, "attempt.refused.tooLarge", "The answers are larger than " + maxBytes / 1024 + " KB.",
                maxBytes / 1024);
    }

    static AttemptRefused wrongAccessCode() {
        return new AttemptRefused(Why.WRONG_ACCESS_CODE, "attempt.refused.accessCode", "Enter the access code the proctor shows.");
    }

    static AttemptRefused accessCodeTries(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new AttemptRefused(Why.ACCESS_CODE_TRIES, "Too many access codes tried. Wait " + seconds
                + " seconds, then enter the code the proctor shows.", retryAfter, "attempt.refused.accessCodeTries",
                new Object[] {seconds});
    }

    static AttemptRefused outsideNetwork(String address) {
        return new AttemptRefused(Why.OUTSIDE_NETWORK, "attempt.refused.network", "This quiz can only be taken from the exam room "
                + "network (your address is " + address + "). Connect to the room network, or ask the proctor.", address);
    }

    static AttemptRefused notSafeExamBrowser() {
        return new AttemptRefused(Why.NOT_SAFE_EXAM_BROWSER, "attempt.refused.safeExamBrowser",
                "Open this quiz in Safe Exam Browser, with the configuration for this exam.");
    }
}
