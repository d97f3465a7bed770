package org.quizdesk.admin;

import java.io.Serializable;

/**
 * An uploaded file waiting for the instructor's confirmation, kept in their session (in the database with Spring
 * Session, so any node can confirm it) and read again at the confirmation: nothing is written before it, and a
 * cancelled or abandoned preview leaves nothing behind once the session ends.
 *
 * @param fileName the uploaded file's own name, without any folder, for messages and the default quiz id
 */
record PendingImport(String fileName, byte[] content) implements Serializable {

    static final String SESSION_KEY = PendingImport.class.getName();
}
