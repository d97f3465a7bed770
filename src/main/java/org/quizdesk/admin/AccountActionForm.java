package org.quizdesk.admin;

import jakarta.validation.constraints.Size;

/**
 * A post of an action button on the accounts page.
 *
 * @param q the search the page showed, so the answer returns to it
 */
record AccountActionForm(@Size(max = 100) String q) {
}
