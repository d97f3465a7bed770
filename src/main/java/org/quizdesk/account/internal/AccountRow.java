package org.quizdesk.account.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.quizdesk.account.Account;
import org.quizdesk.account.Role;

/** An account's row; other features see it as the record {@link Account}, without the password hash. */
@Entity
@Table(name = "account")
public class AccountRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The sign-in name: the university net id. */
    private String username;

    private String fullName;

    private String email;

    private String section;

    @Enumerated(EnumType.STRING)
    private Role role;

    private String passwordHash;

    private boolean enabled = true;

    /** Created by the demo switch, with a published password; disabled on a start without it. */
    private boolean demo;

    private Instant createdAt;

    protected AccountRow() {
    }

    public AccountRow(String username, String fullName, String email, String section, Role role, Instant createdAt) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.section = section;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getSection() {
        return section;
    }

    public Role getRole() {
        return role;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isDemo() {
        return demo;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void markDemo() {
        this.demo = true;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    /** The password stops working at once; the account signs in again only after setting a new one with a code. */
    public void forgetPassword() {
        this.passwordHash = null;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** A roster's name, email and section; the role separately, through {@link #changeRoleByRoster}. */
    public void updateDetails(String fullName, String email, String section) {
        this.fullName = fullName;
        this.email = email;
        this.section = section;
    }

    /**
     * Why a roster may not give this account {@code newRole}, or empty when it may. An instructor keeps their role
     * (a roster must not demote the people who run the course), and the importer's own role is never changed.
     */
    public Optional<String> rosterRoleRefusal(Role newRole, String importer) {
        if (newRole == role) {
            return Optional.empty();
        }
        if (username.equals(importer)) {
            return Optional.of("your own role is not changed by a roster");
        }
        if (role == Role.INSTRUCTOR) {
            return Optional.of("an instructor's role is not changed by a roster");
        }
        return Optional.empty();
    }

    public void changeRoleByRoster(Role newRole, String importer) {
        rosterRoleRefusal(newRole, importer).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        this.role = newRole;
    }

    public Account toAccount() {
        return new Account(id, username, fullName, email, section, role, enabled, demo, passwordHash != null);
    }
}
