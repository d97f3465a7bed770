/**
 * The account module's tables: accounts and one-time password-setup codes, their rows and repositories. Private to
 * {@code account} (Spring Modulith treats a module's sub-packages as internal, and {@code ModularityTests} fails on
 * another feature reaching in); the other features use {@code AccountService} and friends, which hand out the records
 * {@code Account} and {@code PasswordSetup}, never a row or a password hash.
 */
package org.quizdesk.account.internal;
