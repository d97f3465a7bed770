package org.quizdesk.lti;

import java.time.Instant;
import java.time.Clock;
import java.util.Optional;
import org.quizdesk.lti.LaunchRefused.Reason;
import org.quizdesk.lti.internal.DeepLinkTicketRepository;
import org.quizdesk.lti.internal.DeepLinkTicketRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deep-linking launches inside the LMS's frame (Canvas's assignment selection, Moodle's picker): the frame has no
 * session (its cookies are third-party), so the picker's form carries a ticket that stands for the pending request and
 * the instructor who may answer it. A ticket is a random code (only its digest is stored, with the request), lives for
 * {@code quizdesk.lti.deep-link-ticket-valid-for} and is used by the one pick that answers the platform.
 */
@Service
class DeepLinkTickets {

    /** What a ticket stands for: the request, who may pick, and the origins that may frame the pages it leads to. */
    record Ticket(DeepLinkRequest request, long accountId, String frameAncestors) {
    }

    // the columns' sizes (V22); a launch bringing more is refused rather than cut
    private static final int RETURN_URL_MAX = 2000;
    private static final int DATA_MAX = 4000;
    private static final int FRAME_ANCESTORS_MAX = 2000;

    private final DeepLinkTicketRepository tickets;
    private final LtiProperties properties;
    private final Clock clock;

    DeepLinkTickets(DeepLinkTicketRepository tickets, LtiProperties properties, Clock clock) {
        this.tickets = tickets;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @return the ticket's code, to be shown once (in the picker's form)
     * @throws LaunchRefused when the launch's return URL or data is longer than a ticket keeps
     */
    @Transactional
    public String issue(DeepLinkRequest request, long accountId, String frameAncestors) {
        if (request.returnUrl().length() > RETURN_URL_MAX || (request.data() != null && request.data().length() > DATA_MAX)
                || frameAncestors.length() > FRAME_ANCESTORS_MAX) {
            throw new LaunchRefused(Reason.MALFORMED, "deep-linking return URL or data too long");
        }
        Instant now = clock.instant();
        // tickets never used (a picker closed) would pile up: each new one clears the expired
        tickets.deleteExpiredBefore(now);
        String code = OneTimeCodes.newCode();
        tickets.save(new DeepLinkTicketRow(OneTimeCodes.digest(code), accountId, request.platformId(), request.deploymentId(),
                request.returnUrl(), request.data(), frameAncestors, now.plus(properties.deepLinkTicketValidFor())));
        return code;
    }

    /** The live ticket of this code, left unused (the picker shown again); empty for an unknown, used or expired one. */
    @Transactional(readOnly = true)
    public Optional<Ticket> find(String code) {
        Instant now = clock.instant();
        return row(code).filter(row -> row.getUsedAt() == null && row.getExpiresAt().isAfter(now)).map(DeepLinkTickets::ticket);
    }

    /** The live ticket of this code, used up by this call; empty for an unknown, used or expired one. */
    @Transactional
    public Optional<Ticket> take(String code) {
        if (!OneTimeCodes.wellFormed(code) || tickets.use(OneTimeCodes.digest(code), clock.instant()) != 1) {
            return Optional.empty();
        }
        return row(code).map(DeepLinkTickets::ticket);
    }

    /**
     * Who may frame the refusal of a ticket this tool made, used or expired (until it is cleared): the instructor sees
     * why inside the LMS's frame. Empty for a code this tool never made.
     */
    @Transactional(readOnly = true)
    public Optional<String> frameAncestorsOf(String code) {
        return row(code).map(DeepLinkTicketRow::getFrameAncestors);
    }

    private Optional<DeepLinkTicketRow> row(String code) {
        return OneTimeCodes.wellFormed(code) ? tickets.findById(OneTimeCodes.digest(code)) : Optional.empty();
    }

    private static Ticket ticket(DeepLinkTicketRow row) {
        return new Ticket(new DeepLinkRequest(row.getPlatformId(), row.getDeploymentId(), row.getReturnUrl(), row.getPlatformData()),
                row.getAccountId(), row.getFrameAncestors());
    }
}
