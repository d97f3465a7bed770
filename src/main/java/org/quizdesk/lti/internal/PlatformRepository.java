package org.quizdesk.lti.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlatformRepository extends JpaRepository<PlatformRow, Long> {

    Optional<PlatformRow> findByIssuerAndClientId(String issuer, String clientId);

    List<PlatformRow> findByIssuer(String issuer);

    List<PlatformRow> findAllByOrderByIssuerAscClientIdAsc();
}
