package org.quizdesk.modularityfixture;

import org.springframework.modulith.Modulithic;

/**
 * The root of a deliberately broken two-module application ({@code orders}, {@code billing}) that
 * {@link org.quizdesk.ModularityTests} must reject: billing uses a class from orders' internal package. Plain classes
 * without Spring stereotypes, so the application's own component scan ignores them.
 */
@Modulithic
public final class FixtureApplication {

    private FixtureApplication() {
    }
}
