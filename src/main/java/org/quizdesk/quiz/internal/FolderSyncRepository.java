package org.quizdesk.quiz.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FolderSyncRepository extends JpaRepository<FolderSyncRow, Integer> {
}
