package org.quizdesk.account;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pages' Content-Security-Policy, in one place: no inline script anywhere (KaTeX sets inline styles on the math it
 * renders). A page may widen only where its forms post and who may frame it; every other directive is the same for all.
 */
public final class ContentSecurityPolicy {

    private static final String SOURCES = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; ";

    /** Every page's, unless it says otherwise: its forms post to Quizdesk only, and nobody may frame it. */
    public static final String DEFAULT = of(List.of(), "'none'");

    private ContentSecurityPolicy() {
    }

    /**
     * @param formActionOrigins where the page's forms may post besides Quizdesk (origins only)
     * @param frameAncestors who may frame the page: {@code 'none'}, or origins
     */
    public static String of(List<String> formActionOrigins, String frameAncestors) {
        String formAction = Stream.concat(Stream.of("'self'"), formActionOrigins.stream()).collect(Collectors.joining(" "));
        return SOURCES + "form-action " + formAction + "; frame-ancestors " + frameAncestors;
    }
}
