package org.quizdesk.account;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A student's right password, where students sign in only through the university
 * ({@code quizdesk.sign-in.local-passwords-for-students=false}). Like a disabled account, told only to the right
 * password, so a guess learns nothing about who is a student.
 */
final class StudentPasswordsOff extends AccountStatusException {

    StudentPasswordsOff() {
        super("students sign in through the university");
    }
}
