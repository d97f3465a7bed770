package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** Set-ups that could not work stop the start with a reason, instead of failing a class at sign-in time. */
class IdentityProvidersTest {

    private static final SignInProperties PASSWORDS_FOR_ALL = new SignInProperties("preferred_username", "", SignInProperties.MatchBy.NET_ID, true);
    private static final SignInProperties STAFF_PASSWORDS_ONLY = new SignInProperties("preferred_username", "", SignInProperties.MatchBy.NET_ID, false);

    @Test
    void noProviderIsNoButtonAndPasswordsAsBefore() {
        IdentityProviders providers = new IdentityProviders(none(), PASSWORDS_FOR_ALL);
        assertThat(providers.any()).isFalse();
        assertThat(providers.signOutOrigins()).isEmpty();
    }

    @Test
    void studentPasswordsOffWithoutAProviderStopsTheStart() {
        assertThatThrownBy(() -> new IdentityProviders(none(), STAFF_PASSWORDS_ONLY))
                .hasMessageContaining("local-passwords-for-students").hasMessageContaining("could not sign in");
    }

    @Test
    void aRegistrationWithoutOpenIdStopsTheStart() {
        ClientRegistration plainOAuth2 = registration("github").scope("read:user").build();
        assertThatThrownBy(() -> new IdentityProviders(with(plainOAuth2), PASSWORDS_FOR_ALL))
                .hasMessageContaining("\"github\"").hasMessageContaining("openid");
    }

    @Test
    void anOpenIdRegistrationIsAButtonWithItsName() {
        IdentityProviders providers = new IdentityProviders(with(registration("uni").scope("openid", "profile").build()), STAFF_PASSWORDS_ONLY);
        assertThat(providers.all()).containsExactly(new IdentityProviders.Provider("uni", "Example University"));
        assertThat(providers.all().get(0).signInPath()).isEqualTo("/oauth2/authorization/uni");
    }

    private static ClientRegistration.Builder registration(String id) {
        return ClientRegistration.withRegistrationId(id).clientId("quizdesk").clientSecret("secret").clientName("Example University")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://sso.uni.example/authorize").tokenUri("https://sso.uni.example/token")
                .jwkSetUri("https://sso.uni.example/keys");
    }

    private static org.springframework.beans.factory.ObjectProvider<ClientRegistrationRepository> none() {
        return new StaticListableBeanFactory().getBeanProvider(ClientRegistrationRepository.class);
    }

    private static org.springframework.beans.factory.ObjectProvider<ClientRegistrationRepository> with(ClientRegistration registration) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("registrations", new InMemoryClientRegistrationRepository(registration));
        return beans.getBeanProvider(ClientRegistrationRepository.class);
    }
}
