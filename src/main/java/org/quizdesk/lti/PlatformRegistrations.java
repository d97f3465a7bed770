package org.quizdesk.lti;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.quizdesk.lti.internal.PlatformRepository;
import org.quizdesk.lti.internal.PlatformRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registered platforms: listed, found, added, changed and removed by instructors. */
@Service
public class PlatformRegistrations {

    /** A second registration with the same issuer and client id: launches could not tell them apart. */
    public static class DuplicateRegistration extends RuntimeException {
        DuplicateRegistration() {
            super("duplicate issuer and client id");
        }
    }

    private final PlatformRepository platforms;
    private final Clock clock;

    PlatformRegistrations(PlatformRepository platforms, Clock clock) {
        this.platforms = platforms;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Platform> all() {
        return platforms.findAllByOrderByIssuerAscClientIdAsc().stream().map(PlatformRegistrations::platform).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Platform> find(long id) {
        return platforms.findById(id).map(PlatformRegistrations::platform);
    }

    @Transactional(readOnly = true)
    public Optional<Platform> find(String issuer, String clientId) {
        return platforms.findByIssuerAndClientId(issuer, clientId).map(PlatformRegistrations::platform);
    }

    /** The platforms with this issuer (one LMS may have registered the tool more than once, with several client ids). */
    @Transactional(readOnly = true)
    public List<Platform> withIssuer(String issuer) {
        return platforms.findByIssuer(issuer).stream().map(PlatformRegistrations::platform).toList();
    }

    /** @throws DuplicateRegistration when another registration has this issuer and client id */
    @Transactional
    public Platform add(PlatformForm form) {
        refuseDuplicate(form, null);
        PlatformRow row = new PlatformRow(clock.instant());
        fill(row, form);
        return platform(platforms.save(row));
    }

    /** @throws DuplicateRegistration as {@link #add}; empty when there is no such registration */
    @Transactional
    public Optional<Platform> change(long id, PlatformForm form) {
        Optional<PlatformRow> row = platforms.findById(id);
        row.ifPresent(found -> {
            refuseDuplicate(form, id);
            fill(found, form);
        });
        return row.map(PlatformRegistrations::platform);
    }

    /** Logins in flight with it go too; false when there was no such registration. */
    @Transactional
    public boolean remove(long id) {
        if (!platforms.existsById(id)) {
            return false;
        }
        platforms.deleteById(id);
        return true;
    }

    private void refuseDuplicate(PlatformForm form, Long id) {
        platforms.findByIssuerAndClientId(form.getIssuer(), form.getClientId())
                .filter(other -> !other.getId().equals(id))
                .ifPresent(other -> {
                    throw new DuplicateRegistration();
                });
    }

    private static void fill(PlatformRow row, PlatformForm form) {
        row.change(form.getIssuer(), form.getClientId(), form.deploymentIdList(), form.getOidcLoginUrl(), form.getTokenUrl(),
                form.getKeySetUrl(), form.isTrustsCustomNetId());
    }

    private static Platform platform(PlatformRow row) {
        return new Platform(row.getId(), row.getIssuer(), row.getClientId(), row.getDeploymentIds(), row.getOidcLoginUrl(),
                row.getTokenUrl(), row.getKeySetUrl(), row.trustsCustomNetId());
    }
}
