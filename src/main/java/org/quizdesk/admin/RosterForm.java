package org.quizdesk.admin;

import org.springframework.web.multipart.MultipartFile;

/** A roster as pasted text, or as an uploaded file (which wins when it is there). */
record RosterForm(String csv, MultipartFile file) {

    RosterForm {
        csv = csv == null ? "" : csv;
    }

    boolean uploaded() {
        return file != null && !file.isEmpty();
    }
}
