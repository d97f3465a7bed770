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
        NOT_FOUND, NOT_OPEN, ALREADY_SUBMITTED, TIME_UP, INVALID_ANSWERS, TOO_LARGE, BAD_SIGNATURE, TOO_FAST
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

    static AttemptRefused notFound() {
        return new AttemptRefused(Why.NOT_FOUND, "attempt.refused.noSuchAttempt", "There is no such attempt for your account.");
    }

    static AttemptRefused tooLarge(int maxBytes) {
        return new AttemptRefused(Why.TOO_LARGE, "attempt.refused.tooLarge", "The answers are larger than " + maxBytes / 1024 + " KB.",
                maxBytes / 1024);
    }
}
