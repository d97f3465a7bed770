package org.quizdesk.quiz;

/** The access rules a quiz may set on who starts, saves and submits it; a refusal names the one it broke. */
public enum AccessRule {
    /** the code the proctor shows; asked only at the start */
    ACCESS_CODE,
    /** the allowed address ranges */
    NETWORK,
    /** Safe Exam Browser's request headers */
    SAFE_EXAM_BROWSER
}
