package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class SessionAttributeReadsTest {

    private final CaffeineCache values = new CaffeineCache(SessionAttributeReads.SESSION_VALUES,
            Caffeine.newBuilder().maximumSize(100).build());
    private final SessionAttributeReads reads = new SessionAttributeReads(getClass().getClassLoader(), values);
    private final SerializingConverter serializer = new SerializingConverter();

    @Test
    void aStoredSecurityContextIsDeserialisedOnceAndEachReadGetsAContextOfItsOwn() {
        byte[] stored = serializer.convert(signedIn("student1"));

        SecurityContext first = (SecurityContext) reads.convert(stored);
        SecurityContext second = (SecurityContext) reads.convert(stored);

        assertThat(first.getAuthentication().getName()).isEqualTo("student1");
        assertThat(second.getAuthentication()).as("the kept authentication, not deserialised again")
                .isSameAs(first.getAuthentication());
        assertThat(second).isNotSameAs(first);
        assertThat(values.getNativeCache().estimatedSize()).isEqualTo(1);
    }

    @Test
    void signingOutEmptiesOnlyTheContextItWasGivenNotTheNextRead() {
        byte[] stored = serializer.convert(signedIn("student1"));

        ((SecurityContext) reads.convert(stored)).setAuthentication(null); // what SecurityContextLogoutHandler does

        assertThat(((SecurityContext) reads.convert(stored)).getAuthentication().getName()).isEqualTo("student1");
    }

    @Test
    void otherBytesAreAnotherValue() {
        SecurityContext student = (SecurityContext) reads.convert(serializer.convert(signedIn("student1")));
        SecurityContext other = (SecurityContext) reads.convert(serializer.convert(signedIn("student2")));

        assertThat(student.getAuthentication().getName()).isEqualTo("student1");
        assertThat(other.getAuthentication().getName()).isEqualTo("student2");
        assertThat(values.getNativeCache().estimatedSize()).isEqualTo(2);
    }

    @Test
    void aCsrfTokenIsKeptAsItIs() {
        byte[] stored = serializer.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));

        Object first = reads.convert(stored);

        assertThat(reads.convert(stored)).isSameAs(first);
        assertThat(((DefaultCsrfToken) first).getToken()).isEqualTo("token-1");
    }

    @Test
    void anyOtherAttributeIsDeserialisedOnEveryReadAndNotKept() {
        byte[] stored = serializer.convert(new java.util.ArrayList<>(List.of(Locale.GERMAN)));

        Object first = reads.convert(stored);
        Object second = reads.convert(stored);

        assertThat(second).isEqualTo(first).isNotSameAs(first);
        assertThat(values.getNativeCache().estimatedSize()).isZero();
    }

    private static SecurityContext signedIn(String username) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_STUDENT"))));
    }
}
