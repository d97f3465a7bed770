package org.quizdesk.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizMarkdown;
import org.quizdesk.quiz.Section;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * A QTI 2.1 package out: {@code imsmanifest.xml}, an assessment test with one section per Quizdesk section (and
 * the time limit), and one item per question; texts as HTML (Markdown rendered, LaTeX left as written).
 */
final class QtiExport {

    private static final String NS = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    private static final String TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/";

    private final QuizMarkdown markdown = new QuizMarkdown();
    private final List<CarryOverNote> notes = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    static ExportedQuiz write(Quiz quiz) {
        QtiExport export = new QtiExport();
        export.quiz(quiz);
        return new ExportedQuiz(export.zip(), quiz.id() + "-qti.zip", export.notes);
    }

    private void quiz(Quiz quiz) {
        ExportSupport.quizNotes(quiz, notes);
        StringBuilder test = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        test.append("<assessmentTest xmlns=\"").append(NS).append("\" identifier=\"").append(identifier(quiz.id()))
                .append("\" title=\"").append(ExportSupport.xmlText(quiz.title())).append("\">\n");
        test.append("  <timeLimits maxTime=\"").append(quiz.timeLimit().toSeconds()).append("\"/>\n");
        test.append("  <testPart identifier=\"part1\" navigationMode=\"nonlinear\" submissionMode=\"simultaneous\">\n");
        List<String> itemFiles = new ArrayList<>();
        int sectionNumber = 0;
        for (Section section : quiz.sections()) {
            sectionNumber++;
            test.append("    <assessmentSection identifier=\"section").append(sectionNumber).append("\" title=\"")
                    .append(ExportSupport.xmlText(section.title())).append("\" visible=\"true\">\n");
            for (ExportSupport.Flat flat : ExportSupport.questions(section, notes)) {
                String href = "items/" + identifier(flat.question().id()) + ".xml";
                files.put(href, item(flat.question(), flat.prompt()));
                itemFiles.add(href);
                test.append("      <assessmentItemRef identifier=\"").append(identifier(flat.question().id()))
                        .append("\" href=\"").append(href).append("\"/>\n");
            }
            test.append("    </assessmentSection>\n");
        }
        test.append("  </testPart>\n</assessmentTest>\n");
        files.put("test.xml", test.toString());
        StringBuilder manifest = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        manifest.append("<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\" identifier=\"manifest-")
                .append(identifier(quiz.id())).append("\">\n  <metadata><schema>QTIv2.1 Package</schema>"
                        + "<schemaversion>1.0.0</schemaversion></metadata>\n  <organizations/>\n  <resources>\n");
        manifest.append("    <resource identifier=\"test\" type=\"imsqti_test_xmlv2p1\" href=\"test.xml\">\n")
                .append("      <file href=\"test.xml\"/>\n");
        itemFiles.forEach(f -> manifest.append("      <dependency identifierref=\"").append(resourceId(f)).append("\"/>\n"));
        manifest.append("    </resource>\n");
        for (String f : itemFiles) {
            manifest.append("    <resource identifier=\"").append(resourceId(f))
                    .append("\" type=\"imsqti_item_xmlv2p1\" href=\"").append(f).append("\">\n      <file href=\"")
                    .append(f).append("\"/>\n    </resource>\n");
        }
        manifest.append("  </resources>\n</manifest>\n");
        files.put("imsmanifest.xml", manifest.toString());
    }

    private static String resourceId(String href) {
        return "res-" + href.substring("items/".length(), href.length() - ".xml".length());
    }

    /** QTI identifiers are XML names, which cannot start with a digit: "1.1" becomes "q1.1". */
    private static String identifier(String id) {
        return "q" + id.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private String item(Question q, String prompt) {
        ExportSupport.figures(q.id(), q.figures(), notes);
        ExportSupport.figures(q.id(), q.solutionFigures(), notes);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<assessmentItem xmlns=\"").append(NS).append("\" identifier=\"").append(identifier(q.id()))
                .append("\" title=\"").append(ExportSupport.xmlText(q.id()))
                .append("\" adaptive=\"false\" timeDependent=\"false\">\n");
        String points = q.points().toPlainString();
        String body;
        String processing;
        if (q instanceof TrueFalseQuestion t) {
            declaration(x, "single", "identifier", List.of(String.valueOf(t.answer())), null);
            body = "    <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"1\">\n"
                    + "      <simpleChoice identifier=\"true\">True</simpleChoice>\n"
                    + "      <simpleChoice identifier=\"false\">False</simpleChoice>\n    </choiceInteraction>\n";
            processing = "  <responseProcessing template=\"" + TEMPLATES + "match_correct\"/>\n";
        } else if (q instanceof MultiSelectQuestion m) {
            OptionWeights weights = OptionWeights.of(m);
            boolean exact = m.effectiveScoring() == MultiSelectScoring.ALL_OR_NOTHING;
            List<String> correct = m.options().stream().filter(o -> o.correct() == MultiSelectQuestion.Correctness.TRUE)
                    .map(o -> "choice" + o.key()).toList();
            Map<String, BigDecimal> mapping = new LinkedHashMap<>();
            if (!exact) {
                for (int i = 0; i < m.options().size(); i++) {
                    mapping.put("choice" + m.options().get(i).key(),
                            weights.weights().get(i).multiply(q.points()).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros());
                }
                weights.compare(m, "QTI").ifPresent(d -> notes.add(new CarryOverNote(m.id(), null, d)));
            }
            declaration(x, weights.single() ? "single" : "multiple", "identifier", correct, exact ? null : mapping);
            x.append("");
            StringBuilder choices = new StringBuilder("    <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"")
                    .append(m.shuffle()).append("\" maxChoices=\"").append(weights.single() ? 1 : 0).append("\">\n");
            for (MultiSelectQuestion.Option o : m.options()) {
                choices.append("      <simpleChoice identifier=\"choice").append(o.key()).append('"')
                        .append(o.fixed() ? " fixed=\"true\"" : "").append('>').append(inline(o.text()));
                if (o.solution() != null) {
                    choices.append("<feedbackInline outcomeIdentifier=\"FEEDBACK\" identifier=\"choice").append(o.key())
                            .append("\" showHide=\"show\">").append(ExportSupport.xmlText(o.solution()))
                            .append("</feedbackInline>");
                }
                choices.append("</simpleChoice>\n");
            }
            body = choices.append("    </choiceInteraction>\n").toString();
            processing = "  <responseProcessing template=\"" + TEMPLATES + (exact ? "match_correct" : "map_response")
                    + "\"/>\n";
        } else {
            ShortAnswerQuestion s = (ShortAnswerQuestion) q;
            if (s.manual()) {
                declaration(x, "single", "string", List.of(), null);
                body = "    <extendedTextInteraction responseIdentifier=\"RESPONSE\" expectedLines=\"10\"/>\n";
                processing = "";
                if (!s.rubric().isEmpty()) {
                    notes.add(new CarryOverNote(s.id(), null, "the rubric's " + s.rubric().size()
                            + " items are not carried over (QTI has no rubric items)"));
                }
            } else if (s.accept().stream().allMatch(a -> a instanceof AcceptedAnswer.Number)) {
                List<AcceptedAnswer.Number> numbers = s.accept().stream().map(a -> (AcceptedAnswer.Number) a).toList();
                declaration(x, "single", "float", List.of(numbers.get(0).value().toPlainString()), null);
                body = "    <p><textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"20\"/></p>\n";
                StringBuilder rp = new StringBuilder("  <responseProcessing>\n    <responseCondition>\n      <responseIf>\n"
                        + "        <or>\n");
                for (AcceptedAnswer.Number n : numbers) {
                    String tolerance = (n.relative() ? n.tolerance().multiply(BigDecimal.valueOf(100)) : n.tolerance())
                            .stripTrailingZeros().toPlainString();
                    rp.append("          <equal toleranceMode=\"").append(n.relative() ? "relative" : "absolute")
                            .append("\" tolerance=\"").append(tolerance).append(' ').append(tolerance).append("\">")
                            .append("<variable identifier=\"RESPONSE\"/><baseValue baseType=\"float\">")
                            .append(n.value().toPlainString()).append("</baseValue></equal>\n");
                }
                rp.append("        </or>\n        <setOutcomeValue identifier=\"SCORE\"><baseValue baseType=\"float\">")
                        .append(points).append("</baseValue></setOutcomeValue>\n      </responseIf>\n"
                                + "      <responseElse><setOutcomeValue identifier=\"SCORE\"><baseValue baseType=\"float\">0"
                                + "</baseValue></setOutcomeValue></responseElse>\n    </responseCondition>\n"
                                + "  </responseProcessing>\n");
                processing = rp.toString();
            } else {
                List<String> texts = new ArrayList<>();
                for (AcceptedAnswer a : s.accept()) {
                    if (a instanceof AcceptedAnswer.Text t) {
                        texts.add(t.text());
                    } else if (a instanceof AcceptedAnswer.Shape shape) {
                        texts.add(ShapeText.write(shape));
                        notes.add(new CarryOverNote(s.id(), null, "the shape " + ShapeText.write(shape)
                                + " is written as that text: other systems accept only that spelling"));
                    } else if (a instanceof AcceptedAnswer.Number n) {
                        texts.add(n.value().toPlainString());
                        notes.add(new CarryOverNote(s.id(), null, "the number " + n.value().toPlainString()
                                + " is written as text" + (n.tolerance().signum() == 0 ? "" : ", without its tolerance")));
                    } else if (a instanceof AcceptedAnswer.Regex r) {
                        notes.add(new CarryOverNote(s.id(), null, "the regular expression " + r.pattern().pattern()
                                + " is not carried over"));
                    } else {
                        notes.add(new CarryOverNote(s.id(), null, "an answer computed from the question's parameters "
                                + "is not carried over (parameters are Quizdesk's own; the texts keep their {{…}})"));
                    }
                }
                if (texts.isEmpty()) {
                    // nothing a QTI system could match: the answer is left to a grader there
                    declaration(x, "single", "string", List.of(), null);
                    body = "    <extendedTextInteraction responseIdentifier=\"RESPONSE\" expectedLines=\"2\"/>\n";
                    processing = "";
                    notes.add(new CarryOverNote(s.id(), null, "no accepted answer can be written: exported as a "
                            + "question graded by hand"));
                } else {
                    Map<String, BigDecimal> mapping = new LinkedHashMap<>();
                    texts.forEach(t -> mapping.put(t, q.points()));
                    declaration(x, "single", "string", List.of(texts.get(0)), mapping);
                    body = "    <p><textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"30\"/></p>\n";
                    processing = "  <responseProcessing template=\"" + TEMPLATES + "map_response\"/>\n";
                }
            }
        }
        x.append("  <outcomeDeclaration identifier=\"SCORE\" cardinality=\"single\" baseType=\"float\">"
                + "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>\n");
        x.append("  <outcomeDeclaration identifier=\"MAXSCORE\" cardinality=\"single\" baseType=\"float\">"
                + "<defaultValue><value>").append(points).append("</value></defaultValue></outcomeDeclaration>\n");
        x.append("  <outcomeDeclaration identifier=\"FEEDBACK\" cardinality=\"single\" baseType=\"identifier\"/>\n");
        x.append("  <itemBody>\n    ").append(markdown.html(prompt).strip().replace("\n", "\n    ")).append('\n')
                .append(body).append("  </itemBody>\n").append(processing);
        if (q.solution() != null) {
            x.append("  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"SOLUTION\" showHide=\"hide\">")
                    .append(markdown.html(q.solution()).strip()).append("</modalFeedback>\n");
        }
        x.append("</assessmentItem>\n");
        return x.toString();
    }

    private String inline(String text) {
        return markdown.inlineHtml(text);
    }

    private static void declaration(StringBuilder x, String cardinality, String baseType, List<String> correct,
            Map<String, BigDecimal> mapping) {
        x.append("  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"").append(cardinality)
                .append("\" baseType=\"").append(baseType).append("\">\n");
        if (!correct.isEmpty()) {
            x.append("    <correctResponse>");
            correct.forEach(c -> x.append("<value>").append(ExportSupport.xmlText(c)).append("</value>"));
            x.append("</correctResponse>\n");
        }
        if (mapping != null && !mapping.isEmpty()) {
            BigDecimal upper = mapping.values().stream().filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean text = baseType.equals("string");
            x.append("    <mapping lowerBound=\"0\"").append(text ? "" : " upperBound=\"" + upper.toPlainString() + "\"")
                    .append(" defaultValue=\"0\">\n");
            mapping.forEach((key, value) -> x.append("      <mapEntry mapKey=\"").append(ExportSupport.xmlText(key))
                    .append("\" mappedValue=\"").append(value.toPlainString()).append('"')
                    .append(text ? " caseSensitive=\"false\"" : "").append("/>\n"));
            x.append("    </mapping>\n");
        }
        x.append("  </responseDeclaration>\n");
    }

    private byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }
}
