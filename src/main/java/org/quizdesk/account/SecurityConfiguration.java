package org.quizdesk.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.quizdesk.system.StaticFileLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No trace or timer of each security filter, authentication and authorisation: a predicate that only drops the
     * observations (management.observations.enable) still wraps every filter in an observing decorator, which doubles
     * the depth of every request's filter chain and the compiler's work to warm it up (docs/benchmarks.md).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The only authentication provider: throttled where the login filter authenticates, so every path spelling counts.
     * As the one provider bean it becomes the global authentication manager's provider (Spring then builds no plain
     * password provider from the UserDetailsService that a refused sign-in could fall through to); it is not added
     * to the filter chain as well, or every sign-in would be counted twice.
     */
    @Bean
    ThrottledSignIn throttledSignIn(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle, PasswordChecks checks,
            SignInProperties signIn) {
        return new ThrottledSignIn(users, encoder, throttle, checks, signIn);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TrustedDevices devices, MessageSource messages,
            LocaleResolver locales, IdentityProviders providers, UniversitySignIn universitySignIn, StaticFileLinks staticFiles)
            throws Exception {
        SignInAnswers answers = new SignInAnswers(devices, messages, locales, staticFiles);
        if (providers.any()) {
            // the university's sign-in ends like a password's: the same session, principal (SignedInUser) and landing
            http.oauth2Login(login -> login
                    .loginPage("/signin")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(universitySignIn))
                    .authorizedClientRepository(new NoProviderTokensKept())
                    .successHandler(answers)
                    .failureHandler(new UniversitySignInRefusals()));
        }
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/signin", UniversitySignInRefusals.PAGE, "/api/csrf", "/setup-password", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico", "/error", "/actuator/health/**", "/lti/jwks", "/lti/login", "/lti/launch", "/lti/open",
                                "/lti/deep-link/framed")
                        .permitAll()
                        .requestMatchers("/admin/**", "/api/admin/**").hasAnyRole(Role.TA.name(), Role.INSTRUCTOR.name())
                        // metrics are for course staff and operators, not students
                        .requestMatchers("/actuator/**").hasAnyRole(Role.TA.name(), Role.INSTRUCTOR.name())
                        .anyRequest().authenticated())
                // an LMS posts the LTI login initiation and launch cross-site, without our token: state, nonce and the
                // platform's signature protect them instead (org.quizdesk.lti.Launches); a launch inside the LMS's frame
                // is handed to a new tab by a post from that frame, which has no session: a one-time code protects it; the
                // quiz picker of a deep-linking launch in that frame posts likewise, its one-time ticket the proof
                .csrf(csrf -> csrf.ignoringRequestMatchers("/lti/login", "/lti/launch", "/lti/open", "/lti/deep-link/framed"))
                .formLogin(form -> form
                        .loginPage("/signin")
                        .authenticationDetailsSource(ThrottledSignIn.sources(devices))
                        .successHandler(answers)
                        .failureHandler(answers)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessHandler(providers.signOut("/signin?signedout")).permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInOrUnauthorized()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(providers.signOutOrigins())))
                        // DENY, except on the pages whose own policy names who may frame them (a launch inside the
                        // LMS's frame and its quiz picker, org.quizdesk.lti.LaunchController); every other page stays unframeable
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(SecurityConfiguration::denyFramingUnlessThePageAllowsIt)
                        // links out of a quiz or an attempt page do not carry its address (and attempt id) to other sites
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static void denyFramingUnlessThePageAllowsIt(HttpServletRequest request, HttpServletResponse response) {
        String policy = response.getHeader("Content-Security-Policy");
        if (policy == null || policy.contains("frame-ancestors 'none'")) {
            response.setHeader("X-Frame-Options", "DENY");
        }
    }

    /** The policy, with the university's end-session origins allowed as where the sign-out form's post may lead. */
    static String contentSecurityPolicy(List<String> signOutOrigins) {
        return ContentSecurityPolicy.of(signOutOrigins, "'none'");
    }

    /** Pages send the visitor to the sign-in page; the JSON API and actuator answer 401 (the quiz page explains it). */
    private static AuthenticationEntryPoint signInOrUnauthorized() {
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/signin");
        AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        return (request, response, exception) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean machine = path.startsWith("/api/") || path.startsWith("/actuator/");
            (machine ? unauthorized : signIn).commence(request, response, exception);
        };
    }
}
