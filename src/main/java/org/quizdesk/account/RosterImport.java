package org.quizdesk.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.account.internal.AccountRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a roster CSV: a preview first (what each row would do, role changes old -> new, and every bad row by line),
 * then all of it in one transaction, or nothing while any row is bad. New accounts get no password but a one-time
 * setup code, except students where students sign in only through the university
 * ({@code quizdesk.sign-in.local-passwords-for-students=false}): a code they could not use would only be a loose key. A roster never changes the role of an instructor or of the person importing it: that row's role change
 * is shown as refused, with why, and the rest of the row still applies.
 */
@Service
public class RosterImport {

    private static final Logger log = LoggerFactory.getLogger(RosterImport.class);

    public enum Action { NEW, UPDATE, UNCHANGED }

    /**
     * @param currentRole the existing account's role, null for a new account
     * @param refusal why the row's role is not applied, or null
     */
    public record PreviewRow(RosterCsv.Row row, Action action, Role currentRole, String refusal) {

        /** The role change this row makes, as "student -> ta", or null. */
        public String roleChange() {
            return currentRole == null || currentRole == row.role() ? null : label(currentRole) + " -> " + label(row.role());
        }

        public boolean changesRole() {
            return roleChange() != null && refusal == null;
        }

        private static String label(Role role) {
            return role.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param csv the text read (empty when the file could not be read), for the import that follows the preview
     */
    public record Preview(String csv, List<PreviewRow> rows, List<RosterCsv.Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public long count(Action action) {
            return rows.stream().filter(r -> r.action() == action).count();
        }

        public long newCount() {
            return count(Action.NEW);
        }

        public long updateCount() {
            return count(Action.UPDATE);
        }

        public long unchangedCount() {
            return count(Action.UNCHANGED);
        }

        public long roleChangeCount() {
            return rows.stream().filter(PreviewRow::changesRole).count();
        }

        public long refusedCount() {
            return rows.stream().filter(r -> r.refusal() != null).count();
        }
    }

    /** @param codesIssued how many of the new accounts got a password-setup code */
    public record Result(int created, int updated, int unchanged, int roleChanges, int refused, int codesIssued) {
    }

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final PasswordSetupService setups;
    private final AccountSessions sessions;
    private final SignInProperties signIn;

    RosterImport(AccountRepository accounts, AccountService accountService, PasswordSetupService setups, AccountSessions sessions,
            SignInProperties signIn) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.setups = setups;
        this.sessions = sessions;
        this.signIn = signIn;
    }

    /** The preview of an uploaded file, refused as a whole (with the line) when it is not UTF-8. */
    @Transactional(readOnly = true)
    public Preview preview(byte[] file, String importer) {
        RosterCsv.Decoded decoded = RosterCsv.decode(file);
        return decoded.problem() != null ? new Preview("", List.of(), List.of(decoded.problem())) : preview(decoded.text(), importer);
    }

    /**
     * @param importer the net id of the instructor running the import
     */
    @Transactional(readOnly = true)
    public Preview preview(String csv, String importer) {
        String text = csv == null ? "" : csv;
        RosterCsv.Parsed parsed = RosterCsv.parse(text);
        Map<String, AccountRow> existing = existing(parsed.rows());
        List<PreviewRow> rows = new ArrayList<>();
        for (RosterCsv.Row row : parsed.rows()) {
            rows.add(previewRow(row, existing.get(row.netId()), importer));
        }
        return new Preview(text, rows, parsed.problems());
    }

    /**
     * Role changes end the account's sessions after the commit, so the new role applies from its next request.
     *
     * @throws IllegalArgumentException when any row is bad; nothing is written then
     */
    @Transactional
    public Result apply(String csv, String importer) {
        Preview preview = preview(csv, importer);
        if (!preview.ok()) {
            throw new IllegalArgumentException("The roster has " + preview.problems().size()
                    + " bad row(s); nothing was imported. First: " + preview.problems().get(0));
        }
        Map<String, AccountRow> existing = existing(preview.rows().stream().map(PreviewRow::row).toList());
        int created = 0;
        int updated = 0;
        int roleChanges = 0;
        int codesIssued = 0;
        for (PreviewRow previewRow : preview.rows()) {
            RosterCsv.Row row = previewRow.row();
            if (previewRow.action() == Action.NEW) {
                Account account = accountService.create(row.netId(), row.fullName(), row.email(), row.section(), row.role(), null);
                if (row.role().isStaff() || signIn.localPasswordsForStudents()) {
                    setups.issue(account.id());
                    codesIssued++;
                }
                created++;
            } else if (previewRow.action() == Action.UPDATE) {
                AccountRow account = existing.get(row.netId());
                account.updateDetails(row.fullName(), row.email(), row.section());
                if (previewRow.changesRole()) {
                    account.changeRoleByRoster(row.role(), importer);
                    sessions.endAfterCommit(account.getUsername());
                    log.info("{} changed the role of account {} ({}) by roster import and ended its sessions", importer,
                            account.getUsername(), previewRow.roleChange());
                    roleChanges++;
                }
                updated++;
            }
            if (previewRow.refusal() != null) {
                log.info("{} imported a roster asking {} for account {}: refused, {}", importer, previewRow.roleChange(),
                        row.netId(), previewRow.refusal());
            }
        }
        log.info("{} imported a roster: {} new, {} updated ({} role changes), {} unchanged", importer, created, updated,
                roleChanges, preview.rows().size() - created - updated);
        return new Result(created, updated, preview.rows().size() - created - updated, roleChanges, (int) preview.refusedCount(),
                codesIssued);
    }

    private Map<String, AccountRow> existing(List<RosterCsv.Row> rows) {
        List<String> netIds = rows.stream().map(RosterCsv.Row::netId).toList();
        return accounts.findByUsernameIn(netIds).stream().collect(Collectors.toMap(AccountRow::getUsername, Function.identity()));
    }

    private static PreviewRow previewRow(RosterCsv.Row row, AccountRow account, String importer) {
        if (account == null) {
            return new PreviewRow(row, Action.NEW, null, null);
        }
        String refusal = account.rosterRoleRefusal(row.role(), importer).orElse(null);
        Role role = refusal == null ? row.role() : account.getRole();
        boolean same = Objects.equals(account.getFullName(), row.fullName()) && Objects.equals(account.getEmail(), row.email())
                && Objects.equals(account.getSection(), row.section()) && account.getRole() == role;
        return new PreviewRow(row, same ? Action.UNCHANGED : Action.UPDATE, account.getRole(), refusal);
    }
}
