package org.quizdesk.admin;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.quizdesk.quiz.AccessChange;
import org.quizdesk.quiz.AccessRules;
import org.quizdesk.quiz.AddressRange;
import org.springframework.validation.Errors;

/**
 * The access part of a quiz's settings as the page sends it: the code (off, fixed, rotating every few minutes), the
 * allowed address ranges and the Safe Exam Browser keys, one a line, and SEB's quit link. A refused form is shown
 * again as typed, with the reason next to it.
 */
record AccessForm(String codeMode, String accessCode, String rotateMinutes, String networks, String sebConfigKeys,
        String sebBrowserExamKeys, String sebQuitUrl) implements FormFields.Checked {

    AccessForm {
        codeMode = codeMode == null || codeMode.isBlank() ? "OFF" : codeMode.strip().toUpperCase(Locale.ROOT);
        accessCode = accessCode == null ? "" : accessCode;
        rotateMinutes = rotateMinutes == null ? "" : rotateMinutes;
        networks = networks == null ? "" : networks;
        sebConfigKeys = sebConfigKeys == null ? "" : sebConfigKeys;
        sebBrowserExamKeys = sebBrowserExamKeys == null ? "" : sebBrowserExamKeys;
        sebQuitUrl = sebQuitUrl == null ? "" : sebQuitUrl;
    }

    /** The form as the quiz's settings fill it. */
    static AccessForm of(AccessRules rules) {
        return new AccessForm(rules.codeMode().name(), rules.fixedCode(),
                rules.rotating() == null ? "5" : Long.toString(rules.rotating().every().toMinutes()),
                String.join("\n", rules.networks().stream().map(AddressRange::text).toList()),
                String.join("\n", rules.safeExamBrowser().configKeys()),
                String.join("\n", rules.safeExamBrowser().browserExamKeys()), rules.sebQuitUrl());
    }

    @Override
    public void check(Errors errors) {
        FormFields.read(errors, "codeMode", this::mode);
        FormFields.read(errors, "accessCode", this::fixedCode);
        FormFields.read(errors, "rotateMinutes", this::minutes);
        FormFields.read(errors, "networks", this::ranges);
        FormFields.read(errors, "sebConfigKeys", () -> keys("Config Key", sebConfigKeys));
        FormFields.read(errors, "sebBrowserExamKeys", () -> keys("Browser Exam Key", sebBrowserExamKeys));
        FormFields.read(errors, "sebQuitUrl", this::quitUrl);
    }

    AccessChange change() {
        return new AccessChange(mode(), fixedCode(), minutes(), ranges(), keys("Config Key", sebConfigKeys),
                keys("Browser Exam Key", sebBrowserExamKeys), quitUrl());
    }

    private AccessRules.CodeMode mode() {
        try {
            return AccessRules.CodeMode.valueOf(codeMode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Access code: choose off, a fixed code or a rotating code.");
        }
    }

    private String fixedCode() {
        if (!"FIXED".equals(codeMode)) {
            return null;
        }
        String code = accessCode.strip();
        if (code.length() < 4 || code.length() > 40) {
            throw new IllegalArgumentException("Access code: type a code of 4 to 40 characters for students to enter.");
        }
        return code;
    }

    private Integer minutes() {
        if (!"ROTATING".equals(codeMode)) {
            return null;
        }
        Integer minutes = QuizSettingsForm.wholeNumber("Rotating code: minutes", rotateMinutes, 1, 60);
        return minutes == null ? 5 : minutes;
    }

    private List<AddressRange> ranges() {
        return AccessRules.lines(networks).stream().map(range -> {
            try {
                return AddressRange.parse(range);
            } catch (IllegalArgumentException refused) {
                throw new IllegalArgumentException("Allowed address ranges: " + refused.getMessage());
            }
        }).toList();
    }

    /** SEB shows both keys as 64 hexadecimal digits (a SHA-256); anything else was not copied whole. */
    private static List<String> keys(String name, String text) {
        List<String> keys = AccessRules.lines(text).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        for (String key : keys) {
            if (key.length() != 64 || !key.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("Safe Exam Browser " + name + ": \u201c" + key
                        + "\u201d is not a key as SEB shows it (64 characters 0\u20139 and a\u2013f).");
            }
        }
        return keys;
    }

    private String quitUrl() {
        String url = sebQuitUrl.strip();
        if (url.isEmpty()) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("seb://") || lower.startsWith("sebs://"))
                || url.length() > 500 || url.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Quit link: \u201c" + url + "\u201d must be the quit URL from the SEB configuration (http://, https://, seb:// or sebs://).");
        }
        return url;
    }
}
