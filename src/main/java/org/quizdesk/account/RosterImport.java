package org.quizdesk.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a roster CSV: a preview first (what each row would do, and every bad row by line), then all of it in one
 * transaction, or nothing while any row is bad. New accounts get no password but a one-time setup code.
 */
@Service
public class RosterImport {

    public enum Action { NEW, UPDATE, UNCHANGED }

    public record PreviewRow(RosterCsv.Row row, Action action) {
    }

    public record Preview(List<PreviewRow> rows, List<RosterCsv.Problem> problems) {
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
    }

    public record Result(int created, int updated, int unchanged) {
    }

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final PasswordSetupService setups;

    RosterImport(AccountRepository accounts, AccountService accountService, PasswordSetupService setups) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.setups = setups;
    }

    @Transactional(readOnly = true)
    public Preview preview(String csv) {
        RosterCsv.Parsed parsed = RosterCsv.parse(csv == null ? "" : csv);
        Map<String, Account> existing = existing(parsed.rows());
        List<PreviewRow> rows = new ArrayList<>();
        for (RosterCsv.Row row : parsed.rows()) {
            rows.add(new PreviewRow(row, action(row, existing.get(row.netId()))));
        }
        return new Preview(rows, parsed.problems());
    }

    /**
     * @throws IllegalArgumentException when any row is bad; nothing is written then
     */
    @Transactional
    public Result apply(String csv) {
        Preview preview = preview(csv);
        if (!preview.ok()) {
            throw new IllegalArgumentException("The roster has " + preview.problems().size()
                    + " bad row(s); nothing was imported. First: " + preview.problems().get(0));
        }
        Map<String, Account> existing = existing(preview.rows().stream().map(PreviewRow::row).toList());
        int created = 0;
        int updated = 0;
        for (PreviewRow previewRow : preview.rows()) {
            RosterCsv.Row row = previewRow.row();
            if (previewRow.action() == Action.NEW) {
                Account account = accountService.create(row.netId(), row.fullName(), row.email(), row.section(), row.role(), null);
                setups.issue(account.getId());
                created++;
            } else if (previewRow.action() == Action.UPDATE) {
                existing.get(row.netId()).update(row.fullName(), row.email(), row.section(), row.role());
                updated++;
            }
        }
        return new Result(created, updated, preview.rows().size() - created - updated);
    }

    private Map<String, Account> existing(List<RosterCsv.Row> rows) {
        List<String> netIds = rows.stream().map(RosterCsv.Row::netId).toList();
        return accounts.findByUsernameIn(netIds).stream().collect(Collectors.toMap(Account::getUsername, Function.identity()));
    }

    private static Action action(RosterCsv.Row row, Account account) {
        if (account == null) {
            return Action.NEW;
        }
        boolean same = Objects.equals(account.getFullName(), row.fullName()) && Objects.equals(account.getEmail(), row.email())
                && Objects.equals(account.getSection(), row.section()) && account.getRole() == row.role();
        return same ? Action.UNCHANGED : Action.UPDATE;
    }
}
