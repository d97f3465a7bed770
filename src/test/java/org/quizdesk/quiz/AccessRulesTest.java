package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of the access rules: address ranges, the rotating code, Safe Exam Browser's hashes. */
class AccessRulesTest {

    static final String SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void anAddressRangeMatchesItsIpv4AndIpv6AddressesAndNothingElse() {
        AddressRange room = AddressRange.parse("192.0.2.0/24");
        assertThat(room.contains("192.0.2.1")).isTrue();
        assertThat(room.contains("192.0.2.255")).isTrue();
        assertThat(room.contains("192.0.3.1")).isFalse();
        assertThat(room.contains("::ffff:192.0.2.7")).as("IPv4-mapped IPv6").isTrue();
        assertThat(room.contains("2001:db8::1")).isFalse();
        assertThat(room.contains("exam.example.org")).as("a host name is never looked up").isFalse();
        assertThat(room.contains(null)).isFalse();

        AddressRange v6 = AddressRange.parse(" 2001:db8:1::/48 ");
        assertThat(v6.contains("2001:db8:1:ffff::9")).isTrue();
        assertThat(v6.contains("2001:db8:2::1")).isFalse();
        assertThat(v6.contains("192.0.2.1")).isFalse();
        assertThat(AddressRange.parse("198.51.100.7").contains("198.51.100.7")).isTrue();
        assertThat(AddressRange.parse("198.51.100.7").contains("198.51.100.8")).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
    }

    @Test
    void aBadRangeIsRefusedWithAMessageThatNamesIt() {
        assertThatThrownBy(() -> AddressRange.parse("192.0.2.0/33")).hasMessageContaining("192.0.2.0/33").hasMessageContaining("0 and 32");
        assertThatThrownBy(() -> AddressRange.parse("300.1.1.1/8")).hasMessageContaining("300.1.1.1/8");
        assertThatThrownBy(() -> AddressRange.parse("room-12.example.org")).hasMessageContaining("not an address range");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).hasMessageContaining("10.0.0.0/x");
    }

    @Test
    void theRotatingCodeChangesEachStepAndThePreviousOneIsTakenForAMinute() {
        RotatingAccessCode code = new RotatingAccessCode(SECRET, Duration.ofMinutes(5));
        Instant stepStart = Instant.parse("2026-03-02T17:00:00Z");
        String first = code.codeAt(stepStart);
        assertThat(first).matches("\\d{6}");
        assertThat(code.codeAt(stepStart.plusSeconds(299))).isEqualTo(first);
        assertThat(new RotatingAccessCode(SECRET, Duration.ofMinutes(5)).codeAt(stepStart)).as("every node agrees").isEqualTo(first);
        assertThat(new RotatingAccessCode(SECRET.replace('0', '1'), Duration.ofMinutes(5)).codeAt(stepStart))
                .as("another quiz's secret").isNotEqualTo(first);

        Instant next = stepStart.plus(Duration.ofMinutes(5));
        String second = code.codeAt(next);
        assertThat(second).isNotEqualTo(first);
        assertThat(code.nextChangeAfter(stepStart.plusSeconds(10))).isEqualTo(next);
        assertThat(code.accepts(second, next)).isTrue();
        assertThat(code.accepts(first, next.plusSeconds(59))).as("the previous code within a minute").isTrue();
        assertThat(code.accepts(first, next.plusSeconds(60))).as("the previous code after a minute").isFalse();
        assertThat(code.accepts(code.codeAt(stepStart.minus(Duration.ofMinutes(5))), next)).as("two steps old").isFalse();
        assertThat(code.accepts(" " + second + " ", next)).isTrue();
        assertThat(code.accepts(null, next)).isFalse();
    }

    @Test
    void safeExamBrowserHashesAreSha256OfTheUrlFollowedByTheKeyInHex() {
        // vectors computed outside Java: printf '%s' "<url><key>" | sha256sum
        String key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assertThat(SafeExamBrowserKeys.hash("https://exam.example.org/attempts/7?x=1", key))
                .isEqualTo("6f75292f1ed4aaa7a353ce6ade72e9657de92c95ee4076f5d05c1130a2df75fe");
        assertThat(SafeExamBrowserKeys.hash("http://localhost/api/attempts/1/answers", "f".repeat(64)))
                .isEqualTo("52ee959854345365318c9b141036ef25c7114b8685ef8665b8d306477266625f");
    }

    @Test
    void safeExamBrowserNeedsEveryHeaderThatIsSetAndAcceptsAnyOfItsKeys() {
        String url = "https://exam.example.org/quizzes/q/start";
        String configKey = "a".repeat(64);
        String examKeyOld = "b".repeat(64);
        String examKeyNew = "c".repeat(64);
        SafeExamBrowserKeys both = new SafeExamBrowserKeys(List.of(configKey), List.of(examKeyOld, examKeyNew));
        String configHash = SafeExamBrowserKeys.hash(url, configKey);

        assertThat(both.accept(url, configHash, SafeExamBrowserKeys.hash(url, examKeyNew))).isTrue();
        assertThat(both.accept(url, configHash.toUpperCase(), SafeExamBrowserKeys.hash(url, examKeyOld))).isTrue();
        assertThat(both.accept(url, configHash, null)).as("request hash missing").isFalse();
        assertThat(both.accept(url, null, SafeExamBrowserKeys.hash(url, examKeyNew))).as("config key hash missing").isFalse();
        assertThat(both.accept(url + "?again", configHash, SafeExamBrowserKeys.hash(url, examKeyNew))).as("another URL's hash").isFalse();
        assertThat(both.accept(url, SafeExamBrowserKeys.hash(url, examKeyNew), SafeExamBrowserKeys.hash(url, configKey)))
                .as("keys swapped").isFalse();

        SafeExamBrowserKeys configOnly = new SafeExamBrowserKeys(List.of(configKey), List.of());
        assertThat(configOnly.accept(url, configHash, null)).isTrue();
        assertThat(new SafeExamBrowserKeys(List.of(), List.of()).required()).isFalse();
    }
}
