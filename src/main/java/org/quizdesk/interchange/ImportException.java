package org.quizdesk.interchange;

/**
 * A file that cannot be imported at all (not well-formed, not the format it claims, unsafe): the place and what is
 * wrong. Problems with single questions are {@link CarryOverNote}s instead, and the rest of the file is imported.
 *
 * @param where "line 12", "item q3" or "entry items/q3.xml", as the format allows
 */
public final class ImportException extends Exception {

    private final String file;
    private final String where;

    ImportException(String file, int line, String message) {
        this(file, "line " + line, message);
    }

    ImportException(String file, String where, String message) {
        super(file + ": " + where + ": " + message);
        this.file = file;
        this.where = where;
    }

    public String file() {
        return file;
    }

    public String where() {
        return where;
    }
}
