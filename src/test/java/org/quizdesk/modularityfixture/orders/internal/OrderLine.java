package org.quizdesk.modularityfixture.orders.internal;

/** Internal to the fixture's orders module. */
public record OrderLine(String item, int quantity) {
}
