package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in over real HTTP (Tomcat decodes paths the way MockMvc does not), behind a trusted proxy on 127.0.0.1:
 * the test plays the proxy and says in {@code X-Forwarded-For} which student address each request comes from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizdesk.proxies.trusted=127.0.0.1/32",
        "quizdesk.accounts.password-checks=2",
        "quizdesk.accounts.password-check-wait=5s"})
@ActiveProfiles("test")
class SignInOverHttpTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired PasswordChecks checks;
    @Autowired AccountAdministration administration;

    @Test
    void failuresThroughAnEncodedSignInPathAreCountedLikeAnyOther() throws Exception {
        ProxiedBrowser attacker = browser("192.0.2.50");
        for (int i = 0; i < 20; i++) {
            assertThat(attacker.signIn("/sign%69n", "someone" + i, "guess").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = attacker.signIn("/sign%69n", "someone20", "guess");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("error").asString()).isEqualTo("throttled");
        assertThat(json(refused).get("message").asString()).contains("from this network");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 300L));
        assertThat(attacker.signIn("/signin", "someone21", "guess").statusCode()).isEqualTo(429);
        // the browser form through the same spelling gets the page that says so
        HttpResponse<String> page = attacker.signInAsBrowser("/sign%69n", "someone22", "guess");
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).matches(".*/signin\\?locked=network&minutes=[1-5]"));
    }

    @Test
    void fiftyParallelGuessesFromOneSourceGetNoMorePasswordChecksThanTheLimit() throws Exception {
        accounts.create("target50", "Target Student", null, "AA", Role.STUDENT, "right-password");
        List<ProxiedBrowser> guessers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            guessers.add(browser("192.0.2.60"));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ProxiedBrowser guesser = guessers.get(i);
            String guess = "wrong-" + i;
            answers.add(pool.submit(() -> {
                go.await();
                // a guesser told "busy" comes back when told to, until its guess is checked or refused as throttled
                HttpResponse<String> answer = guesser.signIn("/signin", "target50", guess);
                while (answer.statusCode() == 503) {
                    Thread.sleep(1000 * Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()));
                    answer = guesser.signIn("/signin", "target50", guess);
                }
                return answer.statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        // a 401 is a password that was checked: exactly the five tries of one source, however the requests interleave
        // and however often they were told to wait their turn; every other guess is refused as throttled
        assertThat(byStatus.getOrDefault(401, 0L)).isEqualTo(5L);
        assertThat(byStatus.getOrDefault(429, 0L)).isEqualTo(45L);
    }

    @Test
    void aClassSigningInAtOnceFromOneAddressIsNotRefusedForTriesStillInFlight() throws Exception {
        int students = 25; // more than the address's twenty tries
        for (int i = 0; i < students; i++) {
            accounts.create("lab" + i, "Lab Student", null, "AB", Role.STUDENT, "password-" + i);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(students);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            ProxiedBrowser student = browser("192.0.2.70");
            String username = "lab" + i;
            String password = "password-" + i;
            answers.add(pool.submit(() -> {
                go.await();
                return student.signIn("/signin", username, password).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        // right passwords: signed in, or asked to come back when the server is busy; never "too many failures"
        assertThat(statuses).doesNotContain(429, 401).contains(200);
    }

    @Test
    void forwardedForIsReadFromTheTrustedProxyAndOnlyItsRightMostHopCounts() throws Exception {
        accounts.create("proxied1", "Proxied Student", null, "AA", Role.STUDENT, "right-password");
        for (int i = 0; i < 5; i++) {
            assertThat(browser("198.51.100.77").signIn("/signin", "proxied1", "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(browser("198.51.100.77").signIn("/signin", "proxied1", "wrong").statusCode()).isEqualTo(429);
        // the address the client wrote in front of the proxy's own hop changes nothing
        assertThat(browser("198.51.100.78, 198.51.100.77").signIn("/signin", "proxied1", "right-password").statusCode())
                .isEqualTo(429);
        // another student address, as the proxy reports it, is another source
        assertThat(browser("198.51.100.78").signIn("/signin", "proxied1", "right-password").statusCode()).isEqualTo(200);
    }

    @Test
    void aClassmateFailingAgainstANetIdDoesNotStopTheOwner() throws Exception {
        accounts.create("owner2", "Owner Student", null, "AA", Role.STUDENT, "right-password");
        ProxiedBrowser ownersLaptop = browser("198.51.100.80");
        assertThat(ownersLaptop.signIn("/signin", "owner2", "right-password").statusCode()).isEqualTo(200);
        ownersLaptop.signOut();

        // the classmate tries from four addresses: enough to use up the net id's tries from unknown devices
        for (String address : List.of("198.51.100.81", "198.51.100.82", "198.51.100.83", "198.51.100.84")) {
            ProxiedBrowser classmate = browser(address);
            for (int i = 0; i < 6; i++) {
                classmate.signIn("/signin", "owner2", "guess-" + i);
            }
        }
        // a new address gets one try for the net id, no more
        ProxiedBrowser elsewhere = browser("198.51.100.85");
        assertThat(elsewhere.signIn("/signin", "owner2", "guess").statusCode()).isEqualTo(401);
        assertThat(elsewhere.signIn("/signin", "owner2", "guess-again").statusCode()).isEqualTo(429);

        // the owner's own laptop, which signed in before, still gets in, also from an address the classmate used
        ownersLaptop.address = "198.51.100.81";
        HttpResponse<String> owner = ownersLaptop.signIn("/signin", "owner2", "right-password");
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
        assertThat(json(owner).get("username").asString()).isEqualTo("owner2");
    }

    @Test
    void theOwnerOnANewDeviceAtAnAddressThatNeverFailedSignsInAfterAClassmateUsedUpTheNetId() throws Exception {
        accounts.create("owner3", "Owner Student", null, "AA", Role.STUDENT, "right-password");
        useUpUnknownDeviceTries("owner3", "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4");
        HttpResponse<String> classmateAgain = browser("203.0.113.1").signIn("/signin", "owner3", "guess");
        assertThat(json(classmateAgain).get("message").asString()).contains("from this device");

        // a lab computer: a fresh browser at an address that has not failed for this net id
        HttpResponse<String> owner = browser("203.0.113.5").signIn("/signin", "owner3", "right-password");
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
        assertThat(json(owner).get("username").asString()).isEqualTo("owner3");
    }

    @Test
    void whenTheNetIdIsUsedUpAnAddressThatFailedForItOnceIsRefusedEvenWithTheRightPassword() throws Exception {
        accounts.create("owner4", "Owner Student", null, "AA", Role.STUDENT, "right-password");
        useUpUnknownDeviceTries("owner4", "203.0.113.11", "203.0.113.12", "203.0.113.13", "203.0.113.14");
        assertThat(browser("203.0.113.15").signIn("/signin", "owner4", "guess").statusCode()).isEqualTo(401);

        HttpResponse<String> refused = browser("203.0.113.15").signIn("/signin", "owner4", "right-password");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("message").asString()).contains("from unfamiliar devices");
        HttpResponse<String> page = browser("203.0.113.15").signInAsBrowser("owner4", "right-password");
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).matches(".*/signin\\?locked=account&minutes=[1-5]"));
    }

    @Test
    void fiftyParallelGuessesFromANewAddressAtAUsedUpNetIdGetOnePasswordCheck() throws Exception {
        accounts.create("target51", "Target Student", null, "AA", Role.STUDENT, "right-password");
        useUpUnknownDeviceTries("target51", "203.0.113.21", "203.0.113.22", "203.0.113.23", "203.0.113.24");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ProxiedBrowser guesser = browser("203.0.113.25");
            String guess = "wrong-" + i;
            answers.add(pool.submit(() -> {
                go.await();
                return guesser.signIn("/signin", "target51", guess).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // the new address's one try, however the requests interleave: only one of them can take its first try
        assertThat(byStatus.getOrDefault(401, 0L)).isEqualTo(1L);
        assertThat(byStatus.getOrDefault(429, 0L) + byStatus.getOrDefault(503, 0L)).isEqualTo(49L);
    }

    @Test
    void aDisabledAccountWithTheRightPasswordIsToldSoAndAWrongPasswordLooksLikeAnyOther() throws Exception {
        Account account = accounts.create("gone1", "Disabled Student", null, "AA", Role.STUDENT, "right-password");
        administration.disable(account.id(), "instructor");
        ProxiedBrowser student = browser("203.0.113.31");
        // more right-password sign-ins than the source's five tries: the right password uses none up
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> disabled = student.signIn("/signin", "gone1", "right-password");
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(403);
            assertThat(json(disabled).get("error").asString()).isEqualTo("disabled");
            assertThat(json(disabled).get("message").asString()).isEqualTo("This account is disabled. Ask your course staff.");
        }
        HttpResponse<String> page = student.signInAsBrowser("gone1", "right-password");
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin?disabled"));
        assertThat(student.get(page.headers().firstValue("Location").orElseThrow()).body())
                .contains("This account is disabled. Ask your course staff.");

        // a wrong password answers exactly as for a net id that does not exist
        HttpResponse<String> wrong = student.signIn("/signin", "gone1", "wrong");
        HttpResponse<String> nobody = student.signIn("/signin", "nobody-here", "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(nobody.body());
        assertThat(student.signInAsBrowser("gone1", "wrong").headers().firstValue("Location"))
                .isEqualTo(student.signInAsBrowser("nobody-here", "wrong").headers().firstValue("Location"));
    }

    /** A classmate guesses at the net id from each address until it is refused, using up its unknown-device tries. */
    private void useUpUnknownDeviceTries(String username, String... addresses) throws Exception {
        for (String address : addresses) {
            ProxiedBrowser classmate = browser(address);
            for (int i = 0; i < 5; i++) {
                assertThat(classmate.signIn("/signin", username, "guess-" + i).statusCode()).isEqualTo(401);
            }
        }
    }

    @Test
    void whenEveryPasswordCheckSlotIsTakenSignInAnswers503WithRetryAfter() throws Exception {
        accounts.create("busy1", "Busy Student", null, "AA", Role.STUDENT, "right-password");
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService slotHolders = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            slotHolders.submit(() -> checks.run("slot holder", () -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
        }
        try {
            holding.await();
            ProxiedBrowser student = browser("198.51.100.90");
            HttpResponse<String> busy = student.signIn("/signin", "busy1", "right-password");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 5L));
            assertThat(json(busy).get("error").asString()).isEqualTo("busy");

            HttpResponse<String> page = student.signInAsBrowser("busy1", "right-password");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("Many people are signing in right now");
        } finally {
            release.countDown();
            slotHolders.shutdown();
        }
        // nothing was counted against the student: the tries come back once a slot is free
        assertThat(browser("198.51.100.90").signIn("/signin", "busy1", "right-password").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignInRefusedAsBusyIsAnsweredAtOnceWithASmallPageInTheirLanguageThatKeepsTheNetIdAndSignsInAgain() throws Exception {
        accounts.create("busy2", "Busy Student", null, "AA", Role.STUDENT, "right-password");
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService slotHolders = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            slotHolders.submit(() -> checks.run("slot holder", () -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
        }
        // a line of sign-ins as long as the pool lets wait (the rest of them are refused at once)
        ExecutorService line = Executors.newFixedThreadPool(PasswordChecks.WAITING_PER_SLOT * 2);
        List<Future<Integer>> queued = new ArrayList<>();
        try {
            holding.await();
            for (int i = 0; i < PasswordChecks.WAITING_PER_SLOT * 2; i++) {
                queued.add(line.submit(() -> browser("198.51.100.91").signIn("/signin", "nobody", "x").statusCode()));
            }
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (checks.waiting() + queued.stream().filter(Future::isDone).count() < queued.size() && System.nanoTime() < until) {
                Thread.sleep(10);
            }

            ProxiedBrowser student = browser("198.51.100.92");
            String token = ProxiedBrowser.token(student.get("/api/csrf"));
            long started = System.nanoTime();
            HttpResponse<String> page = student.send(HttpRequest.newBuilder(student.uri("/signin")).header("Accept", "text/html,*/*;q=0.8")
                    .header("Accept-Language", "de").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(ProxiedBrowser.form("busy2<b>", "right-password", token))));
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(answeredIn).as("refused without waiting for a slot (the wait is 5 s)").isLessThan(Duration.ofSeconds(2));
            assertThat(page.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 5L));
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).hasSizeLessThan(3000)
                    .contains("lang=\"de\"", "Gerade melden sich viele Personen an")
                    .contains("value=\"busy2&lt;b&gt;\"").doesNotContain("busy2<b>")
                    .doesNotContain("right-password");
            Matcher formToken = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(formToken.find()).as("the page's form carries the session's token").isTrue();

            release.countDown();
            for (Future<Integer> sent : queued) {
                sent.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            // the page's own form, sent again, signs in
            HttpResponse<String> again = student.send(HttpRequest.newBuilder(student.uri("/signin")).header("Accept", "text/html,*/*;q=0.8")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(ProxiedBrowser.form("busy2", "right-password", formToken.group(1)))));
            assertThat(again.statusCode()).isEqualTo(302);
            assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        } finally {
            release.countDown();
            slotHolders.shutdown();
            line.shutdownNow();
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ProxiedBrowser.json(response);
    }

    private ProxiedBrowser browser(String address) {
        return new ProxiedBrowser(port, address);
    }
}
