package org.quizdesk.lti;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.quizdesk.lti.internal.HandoffRepository;
import org.quizdesk.lti.internal.HandoffRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launches made inside the LMS's frame, handed over to a tab of their own: a framed page cannot sign anyone in (its
 * cookies are third-party), so the launch leaves a one-time code, valid for {@code quizdesk.lti.handoff-valid-for},
 * that the new tab brings back. Only the code's digest is stored.
 */
@Service
public class LaunchHandoffs {

    /** Who the code signs in, and where they land. */
    public record Handoff(long accountId, String landing) {
    }

    private final HandoffRepository handoffs;
    private final LtiProperties properties;
    private final Clock clock;

    LaunchHandoffs(HandoffRepository handoffs, LtiProperties properties, Clock clock) {
        this.handoffs = handoffs;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the code, to be shown once (in the framed page's form) */
    @Transactional
    public String handOff(long accountId, String landing) {
        Instant now = clock.instant();
        // codes never used (a frame closed) would pile up: each new one clears the expired
        handoffs.deleteExpiredBefore(now);
        String code = OneTimeCodes.newCode();
        handoffs.save(new HandoffRow(OneTimeCodes.digest(code), accountId, landing, now.plus(properties.handoffValidFor())));
        return code;
    }

    /** The hand-off of a live code, used up by this call; empty for an unknown, used or expired one. */
    @Transactional
    public Optional<Handoff> take(String code) {
        if (!OneTimeCodes.wellFormed(code)) {
            return Optional.empty();
        }
        String digest = OneTimeCodes.digest(code);
        if (handoffs.use(digest, clock.instant()) != 1) {
            return Optional.empty();
        }
        return handoffs.findById(digest).map(row -> new Handoff(row.getAccountId(), row.getLanding()));
    }
}
