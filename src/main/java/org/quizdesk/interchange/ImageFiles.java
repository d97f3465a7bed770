package org.quizdesk.interchange;

/**
 * The image files that a source text's {@code <img src>} may name: Moodle's embedded {@code <file>} elements, a
 * package's entries. An image the source does not carry stays a placeholder with a note.
 */
@FunctionalInterface
interface ImageFiles {

    /** For formats that carry no images (GIFT). */
    ImageFiles NONE = source -> null;

    /** @return the image's bytes, or null when the source does not carry the file {@code source} names */
    byte[] find(String source);
}
