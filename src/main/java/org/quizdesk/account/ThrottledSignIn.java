package org.quizdesk.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check of every sign-in, whatever spelling of the sign-in path reached the login filter: a try is
 * claimed from the throttle first, the password is checked in a bounded pool, and the try is given back on success.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final PasswordChecks checks;

    ThrottledSignIn(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle, PasswordChecks checks) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.checks = checks;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = normalize(authentication.getName());
        SignInSource source = authentication.getDetails() instanceof SignInSource known ? known : new SignInSource("unknown", null);
        SignInThrottle.Claim claim = throttle.claim(username, source);
        Authentication signedIn;
        try {
            signedIn = checks.run(() -> passwords.authenticate(authentication));
        } catch (SignInRefused busy) {
            throttle.release(claim);
            throw busy;
        } catch (AuthenticationException failed) {
            // a wrong password, an unknown or disabled net id: the try stays taken
            throw failed;
        } catch (RuntimeException broken) {
            throttle.release(claim);
            throw broken;
        }
        throttle.succeeded(claim);
        return signedIn;
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
