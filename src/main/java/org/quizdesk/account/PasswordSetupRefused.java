package org.quizdesk.account;

import org.springframework.context.MessageSourceResolvable;

/** Why a one-time code or a chosen password was not taken; its text comes from the message bundle in the reader's language. */
public class PasswordSetupRefused extends IllegalArgumentException implements MessageSourceResolvable {

    private final String key;
    private final Object[] arguments;

    PasswordSetupRefused(String key, String englishText, Object... arguments) {
        super(englishText);
        this.key = key;
        this.arguments = arguments;
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
