package org.quizdesk.account;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * An account as the other features see it: who it is, its role and state, whether a password is set; never the
 * password hash. Serializable, since the account page hands one over as a flash attribute.
 */
public record Account(long id, String username, String fullName, String email, String section, Role role,
        boolean enabled, boolean demo, boolean passwordSet) implements Serializable {

    /** The longest full name an account holds. */
    public static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_EMAIL_LENGTH = 320;
    private static final Pattern NET_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    /** Whether the text can be a net id (lower case): letters, digits, '.', '_' and '-', at most 100. */
    public static boolean isNetId(String text) {
        return NET_ID.matcher(text).matches();
    }

    /** Whether the text can be an account's e-mail address. */
    public static boolean isEmail(String text) {
        return text.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(text).matches();
    }

    /** The name as an account holds it: cut to its longest, for names another system sends. */
    public static String fittingName(String name) {
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH - 1) + "…";
    }
}
