package org.quizdesk.attempt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.quizdesk.attempt.internal.AnswerStore;
import org.quizdesk.attempt.internal.AnswerStore.Place;
import org.quizdesk.attempt.internal.EvidenceStore;
import org.springframework.stereotype.Component;

/**
 * Where each attempt's saves come from (address and browser label), remembered in this node's memory so that the
 * usual save, from the same place as the last, writes nothing more than the answers. A save from another place
 * writes the new place in the same update ({@link AnswerStore#save}) and an event per change. The memory is read
 * from the database once per attempt and node (a primary-key read), on the attempt's first save there. With several
 * nodes each compares with the place it saw last, so a change is always caught, and may be recorded once per node.
 */
@Component
class SavePlaces {

    private final AnswerStore answerStore;
    private final EvidenceStore evidence;
    private final Cache<Long, Place> lastPlaces = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(6)).maximumSize(200_000).build();

    SavePlaces(AnswerStore answerStore, EvidenceStore evidence) {
        this.answerStore = answerStore;
        this.evidence = evidence;
    }

    static Place of(AccessRequest request) {
        return new Place(request.address(), BrowserLabel.of(request.userAgent()));
    }

    /** The place to write with this save, or null when it is the last save's (an unknown part counts as unchanged). */
    Place changed(long attemptId, Place place) {
        Place last = lastPlaces.get(attemptId, answerStore::lastPlace);
        boolean newAddress = place.address() != null && !place.address().equals(last.address());
        boolean newBrowser = place.browser() != null && !place.browser().equals(last.browser());
        return newAddress || newBrowser ? place : null;
    }

    /**
     * After a stored save from a new place (in its transaction): an event per change from a known place, and the
     * memory updated. A first place after an unknown one (a start without a request) is recorded without an event.
     */
    void moved(long attemptId, Place place, Instant at) {
        Place last = lastPlaces.get(attemptId, answerStore::lastPlace);
        if (last.address() != null && place.address() != null && !place.address().equals(last.address())) {
            evidence.insert(attemptId, at, EvidenceKind.ADDRESS_CHANGED.name(), last.address() + " -> " + place.address());
        }
        if (last.browser() != null && place.browser() != null && !place.browser().equals(last.browser())) {
            evidence.insert(attemptId, at, EvidenceKind.BROWSER_CHANGED.name(), last.browser() + " -> " + place.browser());
        }
        lastPlaces.put(attemptId, new Place(place.address() != null ? place.address() : last.address(),
                place.browser() != null ? place.browser() : last.browser()));
    }
}
