package org.quizdesk.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quizdesk.account.internal.AccountRow;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A session signed in through the university's identity provider: the same {@link SignedInUser} a password gives
 * (so every page reads it alike, and the session is indexed by the net id), also an {@link OidcUser} because Spring's
 * OpenID Connect sign-in hands its principal on as one. Its role is the roster's; the token's claims grant nothing.
 */
final class UniversityUser extends SignedInUser implements OidcUser {

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;
    private final Map<String, Object> claims;

    UniversityUser(AccountRow account, OidcUser signedIn) {
        // no password was checked here, and none is kept in the session
        super(account, "", account.isEnabled());
        this.idToken = signedIn.getIdToken();
        this.userInfo = signedIn.getUserInfo();
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(signedIn.getClaims()));
    }

    @Override
    public Map<String, Object> getClaims() {
        return claims;
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return claims;
    }

    /** The net id, as for a password sign-in: sessions are found by it when an account's sessions are ended. */
    @Override
    public String getName() {
        return getUsername();
    }
}
