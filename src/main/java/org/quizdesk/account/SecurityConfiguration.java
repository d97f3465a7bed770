package org.quizdesk.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script anywhere; KaTeX sets inline styles on the math it renders. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInThrottle throttle) throws Exception {
        SignInAnswers answers = new SignInAnswers();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/signin", "/signin/busy", "/api/csrf", "/setup-password", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/admin/**", "/api/admin/**").hasAnyRole(Role.TA.name(), Role.INSTRUCTOR.name())
                        // metrics are for course staff and operators, not students
                        .requestMatchers("/actuator/**").hasAnyRole(Role.TA.name(), Role.INSTRUCTOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/signin")
                        .successHandler(answers)
                        .failureHandler(answers)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedout").permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInOrUnauthorized()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        // links out of a quiz or an attempt page do not carry its address (and attempt id) to other sites
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new AddressThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
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

    /** Turns sign-in posts from an address with too many recent failures away before any password check. */
    private static final class AddressThrottleFilter extends OncePerRequestFilter {
        private final SignInThrottle throttle;

        AddressThrottleFilter(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && (request.getContextPath() + "/signin").equals(request.getRequestURI())
                    && throttle.addressBlockedUntil(request.getRemoteAddr()).isPresent()) {
                response.sendRedirect(request.getContextPath() + "/signin?locked");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
