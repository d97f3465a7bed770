package org.quizdesk.modularityfixture.billing;

import org.quizdesk.modularityfixture.orders.internal.OrderLine;

/** The violation: billing reaches into orders' internal package instead of its API. */
public record Invoice(OrderLine line) {
}
