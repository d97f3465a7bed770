package org.quizdesk.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "account")
public class Account {

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

    private Instant createdAt;

    protected Account() {
    }

    public Account(String username, String fullName, String email, String section, Role role, Instant createdAt) {
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

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void update(String fullName, String email, String section, Role role) {
        this.fullName = fullName;
        this.email = email;
        this.section = section;
        this.role = role;
    }
}
