package org.quizdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A class signing in while every password check is taken, over real HTTP: each student is given a turn, one check
 * after the one before, and told to come back then; coming back early keeps the turn, and at their turns they sign in.
 * Before the line, every busy answer said "5 s", whoever asked and however many were waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizdesk.proxies.trusted=127.0.0.1/32",
        "quizdesk.accounts.password-checks=1",
        "quizdesk.accounts.password-check-wait=100ms"})
@ActiveProfiles("test")
class SignInLineOverHttpTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired PasswordChecks checks;

    @Test
    void studentsTurnedAwayGetTurnsOneAfterAnotherAndSignInAtThem() throws Exception {
        int students = 5;
        for (int i = 0; i < students; i++) {
            accounts.create("line" + i, "Line Student", null, "AA", Role.STUDENT, "password-" + i);
        }
        // checks have taken 1.5 s lately (a loaded server): turns are 1.5 s apart
        for (int i = 0; i < 3; i++) {
            checks.run("slow check", () -> PasswordChecksTest.sleep(1500));
        }
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            threads.submit(() -> checks.run("slot holder", () -> {
                holding.countDown();
                PasswordChecksTest.await(release);
                return null;
            }));
            holding.await();

            List<ProxiedBrowser> browsers = new ArrayList<>();
            List<Long> turns = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                ProxiedBrowser browser = new ProxiedBrowser(port, "198.51.100." + (120 + i));
                browsers.add(browser);
                HttpResponse<String> busy = browser.signIn("/signin", "line" + i, "password-" + i);
                assertThat(busy.statusCode()).isEqualTo(503);
                assertThat(ProxiedBrowser.json(busy).get("message").asString()).contains("your turn comes in");
                turns.add(retryAfter(busy));
            }
            // each turn after the one before: the whole line, not "5 s" for everyone
            assertThat(turns).isSorted().doesNotHaveDuplicates();
            assertThat(turns.get(students - 1) - turns.get(0)).isGreaterThanOrEqualTo(4);

            // back at once, before the turn: still refused, and told the same turn (not a new one at the end)
            HttpResponse<String> early = browsers.get(1).signIn("/signin", "line1", "password-1");
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(retryAfter(early)).isBetween(turns.get(1) - 1, turns.get(1));

            release.countDown();
            List<Future<Integer>> signIns = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                ProxiedBrowser browser = browsers.get(i);
                String username = "line" + i;
                String password = "password-" + i;
                long turn = turns.get(i);
                signIns.add(threads.submit(() -> {
                    Thread.sleep(turn * 1000);
                    HttpResponse<String> answer = browser.signIn("/signin", username, password);
                    // a turn can meet the check of the turn before still running on a slow machine: asked back at once
                    for (int tries = 0; answer.statusCode() == 503 && tries < 3; tries++) {
                        Thread.sleep(retryAfter(answer) * 1000);
                        answer = browser.signIn("/signin", username, password);
                    }
                    return answer.statusCode();
                }));
            }
            for (Future<Integer> signIn : signIns) {
                assertThat(signIn.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static long retryAfter(HttpResponse<String> busy) {
        return Long.parseLong(busy.headers().firstValue("Retry-After").orElseThrow());
    }
}
