package org.quizdesk.lti;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quizdesk.account.PlatformSignIn;
import org.quizdesk.lti.internal.LineItemRepository;
import org.quizdesk.lti.internal.AccountLinkRow;
import org.quizdesk.lti.internal.LineItemRow;
import org.quizdesk.lti.internal.RosterMemberRepository;
import org.quizdesk.lti.internal.RosterMemberRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * NRPS: a course's membership pulled from the platform and written as a roster CSV, so that it goes through the same
 * preview and import as an uploaded roster. A member's net id is the configured net-id field when the platform sends
 * it, else the name a launch of that member would be given ({@link LaunchAccounts#generatedUsername}); inactive
 * members are left out; the role follows the LTI roles as at a launch. Each member's platform user id is remembered
 * with the net id, so that grade passback can post for imported students who never launched.
 */
@Service
public class Memberships {

    /** A course the platform named a membership service for, at a launch. */
    public record Course(long lineItemId, String issuer, String contextId, String quizId) {
    }

    /** At most this many pages of members are read (a runaway {@code next} link must end somewhere). */
    private static final int MAX_PAGES = 100;

    private final LineItemRepository lineItems;
    private final PlatformRegistrations platforms;
    private final PlatformCalls calls;
    private final PlatformSignIn signIn;
    private final RosterMemberRepository members;
    private final Clock clock;

    Memberships(LineItemRepository lineItems, PlatformRegistrations platforms, PlatformCalls calls, PlatformSignIn signIn,
            RosterMemberRepository members, Clock clock) {
        this.lineItems = lineItems;
        this.platforms = platforms;
        this.calls = calls;
        this.signIn = signIn;
        this.members = members;
        this.clock = clock;
    }

    /** One entry per platform and course (the first link seen of each). */
    @Transactional(readOnly = true)
    public List<Course> courses() {
        Map<String, Course> byContext = new LinkedHashMap<>();
        for (LineItemRow row : lineItems.findAll()) {
            if (row.getMembershipsUrl() == null) {
                continue;
            }
            platforms.find(row.getPlatformId()).ifPresent(platform -> byContext.putIfAbsent(platform.id() + " " + row.getMembershipsUrl(),
                    new Course(row.getId(), platform.issuer(), row.getContextId(), row.getQuizId())));
        }
        return List.copyOf(byContext.values());
    }

    /**
     * The course's members as roster CSV (net id, name, email, section, role).
     *
     * @throws PlatformCalls.PlatformCallFailed when the platform does not answer or refuses
     * @throws IllegalArgumentException when there is no such course
     */
    public String rosterCsv(long lineItemId) {
        LineItemRow course = lineItems.findById(lineItemId).filter(row -> row.getMembershipsUrl() != null)
                .orElseThrow(() -> new IllegalArgumentException("no course with a membership service: " + lineItemId));
        Platform platform = platforms.find(course.getPlatformId()).orElseThrow(() -> new IllegalArgumentException("platform removed"));
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> netIdBySubject = new LinkedHashMap<>();
        String url = course.getMembershipsUrl();
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            PlatformCalls.MembershipPage answer = calls.memberships(platform, url);
            JsonNode listed = answer.body().get("members");
            if (listed != null) {
                listed.forEach(member -> row(platform, member).ifPresent(row -> {
                    rows.add(row);
                    netIdBySubject.put(text(member, "user_id"), row.get(0));
                }));
            }
            url = answer.next();
        }
        remember(platform.issuer(), netIdBySubject);
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            printer.printRecord("net id", "name", "email", "section", "role");
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return csv.toString();
    }

    /**
     * Kept at the preview already: it only says who a net id is at this platform, and is read only for accounts that
     * exist under that net id.
     */
    private void remember(String issuer, Map<String, String> netIdBySubject) {
        var now = clock.instant();
        Map<String, RosterMemberRow> known = new HashMap<>();
        members.findAllById(netIdBySubject.keySet().stream().map(subject -> new AccountLinkRow.Key(issuer, subject)).toList())
                .forEach(row -> known.put(row.getSubject(), row));
        List<RosterMemberRow> rows = new ArrayList<>();
        netIdBySubject.forEach((subject, netId) -> {
            RosterMemberRow row = known.get(subject);
            if (row == null) {
                row = new RosterMemberRow(issuer, subject, netId, now);
            } else {
                row.seen(netId, now);
            }
            rows.add(row);
        });
        members.saveAll(rows);
    }

    private java.util.Optional<List<String>> row(Platform platform, JsonNode member) {
        String status = text(member, "status");
        String userId = text(member, "user_id");
        if (userId == null || status != null && !status.equalsIgnoreCase("Active")) {
            return java.util.Optional.empty();
        }
        Map<String, Object> fields = new HashMap<>();
        member.properties().forEach(e -> {
            if (e.getValue().isString()) {
                fields.put(e.getKey(), e.getValue().asString());
            }
        });
        String netId = signIn.netId(fields).orElseGet(() -> LaunchAccounts.generatedUsername(platform.issuer(), userId));
        String name = text(member, "name");
        if (name == null) {
            String given = text(member, "given_name");
            String family = text(member, "family_name");
            name = given == null && family == null ? netId : ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        List<String> roles = new ArrayList<>();
        JsonNode granted = member.get("roles");
        if (granted != null) {
            granted.forEach(role -> roles.add(role.asString()));
        }
        String email = text(member, "email");
        return java.util.Optional.of(List.of(netId, name, email == null ? "" : email, "",
                LaunchAccounts.role(roles).name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }
}
