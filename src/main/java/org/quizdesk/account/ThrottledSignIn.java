package org.quizdesk.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check of every sign-in, whatever spelling of the sign-in path reached the login filter: in a bounded
 * pool of password checks, a try is claimed from the throttle, the password is checked, and the try is given back
 * on success (or when the password was right but the account is disabled).
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final PasswordChecks checks;

    ThrottledSignIn(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle, PasswordChecks checks,
            SignInProperties signIn) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        // a disabled account is refused only after its password matched: a wrong password answers like any other, so
        // nobody learns from a guess whether a net id exists or is disabled
        this.passwords.setPreAuthenticationChecks(user -> {
        });
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("account disabled");
            }
            if (!signIn.localPasswordsForStudents() && user instanceof SignedInUser account && account.role() == Role.STUDENT) {
                throw new StudentPasswordsOff();
            }
        });
        this.throttle = throttle;
        this.checks = checks;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = normalize(authentication.getName());
        SignInSource source = authentication.getDetails() instanceof SignInSource known ? known : new SignInSource("unknown", null);
        // a source that used up its tries is turned away without waiting for a password-check slot
        throttle.refuseIfUsedUp(username, source);
        // the try is claimed only once a slot is held: sign-ins waiting for a slot hold no tries, so a class signing in
        // at once behind one address is not refused for tries that are merely in flight
        // a place in the line of sign-ins, if it forms, is this net id from this address
        return checks.run(source.address() + " " + username, () -> {
            SignInThrottle.Claim claim = throttle.claim(username, source);
            Authentication signedIn;
            try {
                signedIn = passwords.authenticate(authentication);
            } catch (AccountStatusException rightPasswordRefusedAccount) {
                // the right password is no guess: the try is given back (a disabled account, a student's password
                // where students sign in through the university)
                throttle.release(claim);
                throw rightPasswordRefusedAccount;
            } catch (AuthenticationException failed) {
                // a wrong password or an unknown net id: the try stays taken
                throw failed;
            } catch (RuntimeException broken) {
                throttle.release(claim);
                throw broken;
            }
            throttle.succeeded(claim);
            return signedIn;
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** Reads the client's address and its trusted-device cookie for the net id in the form. */
    static AuthenticationDetailsSource<HttpServletRequest, SignInSource> sources(TrustedDevices devices) {
        return request -> {
            String username = normalize(request.getParameter("username"));
            return new SignInSource(request.getRemoteAddr(), devices.deviceOf(request, username).orElse(null));
        };
    }
}
