package org.quizdesk.admin;

/** An upload or a confirmation that cannot go ahead as asked, with what to do instead in the message. */
class ImportRefused extends Exception {

    ImportRefused(String message) {
        super(message);
    }
}
