package org.quizdesk.quiz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Who may take a quiz, as its settings say: an access code to start (off, fixed, or rotating), the address ranges
 * it may be taken from, and Safe Exam Browser's keys. Immutable; the attempt feature enforces it.
 *
 * @param codeMode whether an access code is asked at the start, and which kind
 * @param fixedCode the code the instructor typed (FIXED only)
 * @param rotating the rotating code (ROTATING only)
 * @param networks the allowed address ranges; empty: any address
 * @param safeExamBrowser the SEB keys; none: SEB not required
 * @param sebQuitUrl the link that quits SEB, shown after submission; null: none
 */
public record AccessRules(CodeMode codeMode, String fixedCode, RotatingAccessCode rotating, List<AddressRange> networks,
        SafeExamBrowserKeys safeExamBrowser, String sebQuitUrl) {

    public enum CodeMode {
        OFF, FIXED, ROTATING
    }

    public static final AccessRules NONE = new AccessRules(CodeMode.OFF, null, null, List.of(),
            new SafeExamBrowserKeys(List.of(), List.of()), null);

    public AccessRules {
        networks = List.copyOf(networks);
    }

    public boolean asksForCode() {
        return codeMode != CodeMode.OFF;
    }

    /** The code the proctor shows now; null when the quiz asks for none. */
    public String codeAt(Instant now) {
        return switch (codeMode) {
            case OFF -> null;
            case FIXED -> fixedCode;
            case ROTATING -> rotating.codeAt(now);
        };
    }

    public boolean acceptsCode(String typed, Instant now) {
        return switch (codeMode) {
            case OFF -> true;
            case FIXED -> sameCode(typed, fixedCode);
            case ROTATING -> rotating.accepts(typed, now);
        };
    }

    public boolean allowsAddress(String address) {
        return networks.isEmpty() || networks.stream().anyMatch(range -> range.contains(address));
    }

    public boolean requiresSafeExamBrowser() {
        return safeExamBrowser.required();
    }

    /** Codes compare without case and outer spaces (read out loud, typed on phones), in constant time. */
    static boolean sameCode(String typed, String code) {
        if (typed == null || code == null) {
            return false;
        }
        return MessageDigest.isEqual(typed.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                code.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** Lines of a text field, blank ones dropped. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static AccessRules of(String mode, String fixedCode, String secret, Integer minutes, String networks,
            String configKeys, String browserExamKeys, String quitUrl) {
        CodeMode codeMode = mode == null ? CodeMode.OFF : CodeMode.valueOf(mode);
        RotatingAccessCode rotating = codeMode == CodeMode.ROTATING
                ? new RotatingAccessCode(secret, Duration.ofMinutes(minutes == null ? 5 : minutes)) : null;
        return new AccessRules(codeMode, fixedCode, rotating, lines(networks).stream().map(AddressRange::parse).toList(),
                new SafeExamBrowserKeys(lines(configKeys), lines(browserExamKeys)), quitUrl);
    }
}
