package org.quizdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build on cycles between feature packages or on reaching into another feature's internals. */
class ModularityTests {

    @Test
    void featurePackagesRespectTheirBoundaries() {
        ApplicationModules.of(QuizdeskApplication.class).verify();
    }
}
