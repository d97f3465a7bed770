package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The net id read from a claim's value: trimmed, lower-case, the university's own domain dropped, others refused. */
class UniversityIdentityTest {

    @Test
    void aBareNetIdIsTakenAsItIs() {
        assertThat(UniversityIdentity.netId(" JDoe ", "")).contains("jdoe");
        assertThat(UniversityIdentity.netId("jdoe", "uni.example")).contains("jdoe");
    }

    @Test
    void theConfiguredDomainIsDroppedInAnyCase() {
        assertThat(UniversityIdentity.netId("jdoe@UNI.example", "uni.example")).contains("jdoe");
    }

    @Test
    void anotherDomainMatchesNobody() {
        assertThat(UniversityIdentity.netId("jdoe@evil.example", "uni.example")).isEmpty();
        assertThat(UniversityIdentity.netId("jdoe@sub.uni.example", "uni.example")).isEmpty();
    }

    @Test
    void withoutADomainAnEppnStaysWhole() {
        assertThat(UniversityIdentity.netId("jdoe@uni.example", "")).contains("jdoe@uni.example");
    }

    @Test
    void nothingUsableIsEmpty() {
        assertThat(UniversityIdentity.netId(null, "")).isEmpty();
        assertThat(UniversityIdentity.netId("  ", "")).isEmpty();
        assertThat(UniversityIdentity.netId(42, "")).isEmpty();
        assertThat(UniversityIdentity.netId("@uni.example", "uni.example")).isEmpty();
    }
}
