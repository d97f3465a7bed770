package org.quizdesk.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inputs an import refuses with where and why (an {@link ImportException}), never crashes on or amplifies. */
class ImportLimitsTest {

    @Test
    void aGiftNumberWithAHugeExponentIsRefusedWithItsLine() {
        assertThatThrownBy(() -> importText("::Q1:: Fine {T}\n\n::Q2:: How many? {#1e999999999}\n", "n.gift"))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("n.gift: line 3: the number \"1e999999999\" is out of range");
    }

    @Test
    void aModerateExponentIsRefusedAtOnceNotComputed() {
        long start = System.nanoTime();
        // 1e20000000 took 45 s to write out as digits: refused before any arithmetic now
        assertThatThrownBy(() -> importText("::Q:: How many? {#1e20000000}", "n.gift"))
                .isInstanceOf(ImportException.class).hasMessageContaining("out of range");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for a 30-byte file").isLessThan(1000);
    }

    @Test
    void aMoodleGradeWithAHugeExponentIsRefusedWithItsQuestionsLine() {
        String xml = "<quiz>\n<question type=\"essay\"><name><text>Q</text></name><questiontext><text>Prompt</text>"
                + "</questiontext><defaultgrade>1e999999999</defaultgrade></question></quiz>";
        assertThatThrownBy(() -> importText(xml, "p.xml"))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("p.xml: line 2: the number \"1e999999999\" is out of range");
    }

    @Test
    void aLongRunOfDigitsIsRefusedAndOrdinaryNumbersStillImport() throws Exception {
        assertThatThrownBy(() -> importText("::Q:: How many? {#" + "9".repeat(100_000) + "}", "digits.gift"))
                .isInstanceOf(ImportException.class).hasMessageContaining("out of range");
        ImportedQuiz imported = importText("::Q1:: Avogadro? {#6.02214076e23:1e21}\n\n::Q2:: Planck? {#6.62607015e-34}\n",
                "constants.gift");
        assertThat(InterchangeSamples.reread(imported).questions()).hasSize(2);
    }

    @Test
    void aQtiScoreWithAHugeExponentIsRefusedWithItsItem() {
        String item = "<assessmentItem identifier=\"big\" title=\"Big\"><responseDeclaration identifier=\"R\" "
                + "cardinality=\"single\"/><outcomeDeclaration identifier=\"MAXSCORE\"><defaultValue><value>1e999999999"
                + "</value></defaultValue></outcomeDeclaration><itemBody><p>Why?</p>"
                + "<extendedTextInteraction responseIdentifier=\"R\"/></itemBody></assessmentItem>";
        assertThatThrownBy(() -> QuizInterchange.importFile(qtiTest(item, 1, ""), "score.zip", null))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("score.zip: item big: the number \"1e999999999\" is out of range");
    }

    @Test
    void aTimeLimitBeyondAnyQuizIsRefusedInBothQtiVersions() {
        assertThatThrownBy(() -> QuizInterchange.importFile(qtiTest(essayItem(), 1, "<timeLimits maxTime=\"1e30\"/>"),
                "time.zip", null)).isInstanceOf(ImportException.class).hasMessageContaining("time limit");
        Map<String, String> canvas = new LinkedHashMap<>();
        canvas.put("imsmanifest.xml", "<manifest><resources><resource identifier=\"a\" type=\"imsqti_xmlv1p2\" "
                + "href=\"a.xml\"/></resources></manifest>");
        canvas.put("a.xml", "<questestinterop><assessment ident=\"a\" title=\"A\"><qtimetadata><qtimetadatafield>"
                + "<fieldlabel>qmd_timelimit</fieldlabel><fieldentry>1e20</fieldentry></qtimetadatafield></qtimetadata>"
                + "<section ident=\"root_section\"><item ident=\"q1\" title=\"Q1\"><itemmetadata><qtimetadata>"
                + "<qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>essay_question</fieldentry>"
                + "</qtimetadatafield></qtimetadata></itemmetadata><presentation><material><mattext>Why?</mattext>"
                + "</material></presentation></item></section></assessment></questestinterop>");
        assertThatThrownBy(() -> QuizInterchange.importFile(InterchangeSamples.zip(canvas), "canvas.zip", null))
                .isInstanceOf(ImportException.class).hasMessageContaining("time limit");
    }

    @Test
    void aQtiTestReferencingOneItemTwiceIsRefused() {
        // 300 references to one 200 KB item made 60 MB of YAML from a 1.8 KB zip
        String item = essayItem().replace("Why?", "word ".repeat(40_000));
        assertThatThrownBy(() -> QuizInterchange.importFile(qtiTest(item, 300, ""), "amplified.zip", null))
                .isInstanceOf(ImportException.class)
                .hasMessage("amplified.zip: entry test.xml: the test refers to item.xml more than once: each item of a "
                        + "package is imported once");
    }

    @Test
    void moreQuestionsThanTheLimitAreRefused() throws Exception {
        StringBuilder gift = new StringBuilder();
        for (int i = 1; i <= ImportLimits.MAX_QUESTIONS; i++) {
            gift.append("Question ").append(i).append(" {T}\n\n");
        }
        assertThat(importText(gift.toString(), "many.gift").quiz().questions()).hasSize(ImportLimits.MAX_QUESTIONS);
        int line = 2 * ImportLimits.MAX_QUESTIONS + 1;
        assertThatThrownBy(() -> importText(gift + "One too many {T}\n", "toomany.gift"))
                .isInstanceOf(ImportException.class)
                .hasMessage("toomany.gift: line " + line + ": more than " + ImportLimits.MAX_QUESTIONS
                        + " questions: split the file");
    }

    @Test
    void aCharacterReferenceTooLargeForAnyCharacterStaysAsWritten() throws Exception {
        // Moodle's HTML is escaped once more in XML: &amp;#...; reaches the HTML as &#...;
        String xml = "<quiz><question type=\"essay\"><name><text>Q</text></name><questiontext format=\"html\">"
                + "<text>Prompt &amp;#99999999999; &amp;#xFFFFFFFFFFFF; &amp;#65;</text></questiontext></question></quiz>";
        ImportedQuiz imported = importText(xml, "entity.xml");
        assertThat(InterchangeSamples.reread(imported).questions().get(0).prompt())
                .contains("99999999999").contains("FFFFFFFFFFFF").endsWith("A");
        assertThat(HtmlText.decode("&#99999999999; &#x7FFFFFFFFF; &#1114112; &#66;"))
                .isEqualTo("&#99999999999; &#x7FFFFFFFFF; &#1114112; B");
    }

    private static String essayItem() {
        return "<assessmentItem identifier=\"i\" title=\"Essay\"><responseDeclaration identifier=\"R\" cardinality=\"single\"/>"
                + "<itemBody><p>Why?</p><extendedTextInteraction responseIdentifier=\"R\"/></itemBody></assessmentItem>";
    }

    /** A QTI 2.1 package whose test refers to item.xml the given number of times. */
    private static byte[] qtiTest(String item, int references, String testExtra) {
        StringBuilder test = new StringBuilder("<assessmentTest identifier=\"t\" title=\"T\">" + testExtra
                + "<testPart identifier=\"p\"><assessmentSection identifier=\"s\" title=\"S\">");
        for (int i = 0; i < references; i++) {
            test.append("<assessmentItemRef identifier=\"r").append(i).append("\" href=\"item.xml\"/>");
        }
        test.append("</assessmentSection></testPart></assessmentTest>");
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", "<manifest><resources><resource identifier=\"t\" type=\"imsqti_test_xmlv2p1\" "
                + "href=\"test.xml\"/></resources></manifest>");
        entries.put("test.xml", test.toString());
        entries.put("item.xml", item);
        return InterchangeSamples.zip(entries);
    }

    private static ImportedQuiz importText(String text, String name) throws ImportException {
        return QuizInterchange.importFile(text.getBytes(StandardCharsets.UTF_8), name, null);
    }
}
