package org.quizdesk.quiz;

import java.util.List;

/**
 * What staff set in the access part of the settings form, as a whole.
 *
 * @param codeMode off, a fixed code, or a rotating one
 * @param fixedCode the fixed code (FIXED)
 * @param rotateMinutes how often the rotating code changes (ROTATING)
 * @param networks allowed address ranges; empty: any address
 * @param sebConfigKeys Safe Exam Browser Config Keys; empty: not checked
 * @param sebBrowserExamKeys Safe Exam Browser Browser Exam Keys; empty: not checked
 * @param sebQuitUrl the quit link shown after submission; null: none
 */
public record AccessChange(AccessRules.CodeMode codeMode, String fixedCode, Integer rotateMinutes,
        List<AddressRange> networks, List<String> sebConfigKeys, List<String> sebBrowserExamKeys, String sebQuitUrl) {

    public AccessChange {
        networks = List.copyOf(networks);
        sebConfigKeys = List.copyOf(sebConfigKeys);
        sebBrowserExamKeys = List.copyOf(sebBrowserExamKeys);
    }
}
