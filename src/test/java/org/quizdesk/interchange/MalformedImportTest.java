package org.quizdesk.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files that cannot be imported are refused with where and why; nothing unsafe is ever read or written. */
class MalformedImportTest {

    @Test
    void anUnclosedMoodleElementIsRefusedWithItsLine() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                  <question type="truefalse">
                    <name><text>Broken</text></name>
                  </quiz>
                """;
        assertThatThrownBy(() -> importText(xml, "broken.xml"))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("broken.xml: line 5: not well-formed XML");
    }

    @Test
    void anExternalEntityIsNeverReadAndADoctypeIsRefused() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <quiz><question type="truefalse"><name><text>&secret;</text></name>
                <questiontext><text>&secret;</text></questiontext>
                <answer fraction="100"><text>true</text></answer></question></quiz>
                """;
        assertThatThrownBy(() -> importText(xxe, "xxe.xml"))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"))
                .hasMessageContaining("xxe.xml: line 2");
    }

    @Test
    void anUndeclaredEntityIsAnError() {
        assertThatThrownBy(() -> importText("<quiz><question type=\"essay\"><name><text>&nope;</text></name></question></quiz>",
                "entity.xml")).isInstanceOf(ImportException.class).hasMessageContaining("entity.xml: line 1");
    }

    @Test
    void aGiftAnswerBlockThatNeverClosesAndAnEmptyAnswerAreRefusedWithTheirLines() {
        assertThatThrownBy(() -> importText("::Q1:: Fine {T}\n\n::Q2:: Broken {=yes ~no\n", "open.gift"))
                .isInstanceOf(ImportException.class)
                .hasMessage("open.gift: line 3: the answer block opened here is never closed with \"}\"");
        assertThatThrownBy(() -> importText("::Q1:: Fine {T}\n\n// a comment\n::Q2:: No answer {= ~wrong}\n", "empty.gift"))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("empty.gift: line 4: answer 1 of the answer block is empty");
    }

    @Test
    void aGiftFileWithoutQuestionsImportsNothingAndSaysWhy() {
        assertThatThrownBy(() -> importText("Just a description, no question.\n", "none.gift"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no question could be imported");
    }

    @Test
    void aZipWithoutAManifestIsRefused() {
        byte[] zip = InterchangeSamples.zip(Map.of("items/q1.xml", "<assessmentItem/>"));
        assertThatThrownBy(() -> QuizInterchange.importFile(zip, "nomanifest.zip", null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no imsmanifest.xml");
    }

    @Test
    void aZipSlipEntryRefusesThePackage() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", "<manifest/>");
        entries.put("../../evil.sh", "rm -rf /");
        assertThatThrownBy(() -> QuizInterchange.importFile(InterchangeSamples.zip(entries), "slip.zip", null))
                .isInstanceOf(ImportException.class)
                .hasMessage("slip.zip: entry ../../evil.sh: the entry's name leads out of the package (an absolute path "
                        + "or \"..\"): the package is refused");
    }

    @Test
    void aManifestNamingAMissingItemAndAnUnsafeIdAreRefused() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", "<manifest><resources><resource identifier=\"r\" type=\"imsqti_item_xmlv2p1\" "
                + "href=\"items/gone.xml\"/></resources></manifest>");
        assertThatThrownBy(() -> QuizInterchange.importFile(InterchangeSamples.zip(entries), "gone.zip", null))
                .isInstanceOf(ImportException.class).hasMessageContaining("items/gone.xml, which is not in the package");
        assertThat(importText("::Q:: x {T}", "../../Etc Notes.gift").quiz().id()).as("ids are slugs").isEqualTo("etc-notes");
        assertThatThrownBy(() -> QuizInterchange.importFile("::Q:: x {T}".getBytes(StandardCharsets.UTF_8), "q.gift",
                "../Evil")).isInstanceOf(ImportException.class).hasMessageContaining("must be a slug");
    }

    @Test
    void aLooseQtiItemAsksForItsPackage() {
        assertThatThrownBy(() -> importText("<?xml version=\"1.0\"?><assessmentItem identifier=\"x\"/>", "item.xml"))
                .isInstanceOf(ImportException.class).hasMessageContaining("in its zip package");
    }

    private static ImportedQuiz importText(String text, String name) throws ImportException {
        return QuizInterchange.importFile(text.getBytes(StandardCharsets.UTF_8), name, null);
    }
}
