package org.quizdesk.interchange;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.quizdesk.interchange.XmlTree.Element;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.Figure;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.RubricItem;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * Moodle XML (docs.moodle.org/en/Moodle_XML_format): truefalse, multichoice (single and multiple, with fractions),
 * shortanswer, numerical and essay; categories become sections. Other types are listed as not carried over.
 */
final class MoodleXmlImport {

    static final String FORMAT = "Moodle XML";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final QuizDraft draft = new QuizDraft(FORMAT);

    static ImportedQuiz read(byte[] xml, String fileName, String quizId) throws ImportException {
        Element root = XmlTree.parse(xml, fileName);
        if (!root.name().equals("quiz")) {
            throw new ImportException(fileName, root.line(), "a Moodle XML file starts with <quiz>, not <" + root.name() + ">");
        }
        MoodleXmlImport reader = new MoodleXmlImport();
        String id = quizId != null ? quizId : QuizDraft.slug(fileName);
        reader.draft.quizId(id);
        String title = null;
        for (Element question : root.all("question")) {
            String type = question.attribute("type") == null ? "" : question.attribute("type");
            if (type.equals("category")) {
                List<String> path = categoryPath(question.childText("category"));
                if (!path.isEmpty()) {
                    reader.draft.section(path.get(path.size() - 1));
                    // "$course$/top/Quiz title/Section": a parent category names the quiz
                    title = title == null ? path.get(0) : title;
                }
                continue;
            }
            try {
                reader.question(question, type);
            } catch (ImportLimits.Exceeded e) {
                throw e.at(fileName, "line " + question.line());
            }
        }
        return reader.draft.build(id, title == null ? "Imported from " + fileName : title, fileName);
    }

    /** A category's names without Moodle's "$course$" and "top"; "//" is a slash inside a name. */
    static List<String> categoryPath(String path) {
        List<String> names = new ArrayList<>();
        for (String part : path.split("(?<!/)/(?!/)")) {
            String name = part.replace("//", "/").strip();
            if (!name.isEmpty() && !name.equals("top") && !(name.startsWith("$") && name.endsWith("$"))) {
                names.add(name);
            }
        }
        return names;
    }

    private void question(Element q, String type) {
        String name = HtmlText.plain(q.childText("name"));
        String where = "line " + q.line();
        if (!List.of("truefalse", "multichoice", "shortanswer", "numerical", "essay").contains(type)) {
            draft.note(null, where, "question \"" + name + "\" of Moodle type \"" + type
                    + "\" is not carried over: Quizdesk has no such question type");
            return;
        }
        String id = draft.nextId(name);
        switch (type) {
            case "truefalse" -> trueFalse(q, id, where);
            case "multichoice" -> multichoice(q, id, where);
            case "shortanswer" -> shortAnswer(q, id, where);
            case "numerical" -> numerical(q, id, where);
            default -> essay(q, id, where);
        }
    }

    private SourceText.Text text(Element owner, String child, String what, String id, String where) {
        Element element = owner.child(child).orElse(null);
        if (element == null) {
            return new SourceText.Text("", List.of());
        }
        String format = element.attribute("format") == null ? "html" : element.attribute("format");
        String raw = element.child("text").map(Element::text).orElse("");
        if (format.equals("markdown")) {
            return new SourceText.Text(raw.strip(), List.of());
        }
        boolean html = format.equals("html") || format.equals("moodle_auto_format");
        return SourceText.convert(raw, html, what, draft, id, where, embedded(element));
    }

    /**
     * Moodle's images travel inside the text's element as {@code <file name="a.png" path="/" encoding="base64">},
     * named in the HTML as {@code @@PLUGINFILE@@/a.png} (the name URL-encoded).
     */
    private static ImageFiles embedded(Element owner) {
        return source -> {
            if (!source.startsWith("@@PLUGINFILE@@/")) {
                return null;
            }
            String path = URLDecoder.decode(source.substring("@@PLUGINFILE@@/".length()).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            for (Element file : owner.all("file")) {
                String folder = file.attribute("path") == null ? "/" : file.attribute("path");
                String name = file.attribute("name");
                if (name != null && (path.equals(name) || ("/" + path).equals(folder + name))
                        && "base64".equals(file.attribute("encoding"))) {
                    try {
                        return Base64.getMimeDecoder().decode(file.text().strip());
                    } catch (IllegalArgumentException notBase64) {
                        return null;
                    }
                }
            }
            return null;
        };
    }

    private String prompt(Element q, String id, String where, List<Figure> figures) {
        SourceText.Text prompt = text(q, "questiontext", "the prompt", id, where);
        figures.addAll(prompt.figures());
        return prompt.markdown().isBlank() ? HtmlText.plain(q.childText("name")) : prompt.markdown();
    }

    private String solution(Element q, String id, String where) {
        String solution = text(q, "generalfeedback", "the general feedback", id, where).markdown();
        return solution.isBlank() ? null : solution;
    }

    private BigDecimal points(Element q, String id, String where) {
        String grade = q.child("defaultgrade").map(Element::text).orElse(null);
        return draft.points(ImportLimits.decimal(grade), id, where);
    }

    private void trueFalse(Element q, String id, String where) {
        List<Figure> figures = new ArrayList<>();
        String prompt = prompt(q, id, where, figures);
        Boolean answer = null;
        for (Element a : q.all("answer")) {
            BigDecimal fraction = ImportLimits.decimal(a.attribute("fraction"));
            if (fraction != null && fraction.compareTo(HUNDRED) == 0) {
                answer = HtmlText.plain(a.childText("text").isEmpty() ? a.text() : a.childText("text"))
                        .toLowerCase(Locale.ROOT).startsWith("t");
            }
        }
        if (answer == null) {
            draft.note(null, where, "true/false question without an answer of fraction 100 is not carried over");
            return;
        }
        draft.add(new TrueFalseQuestion(id, points(q, id, where), prompt, figures, answer, solution(q, id, where)));
    }

    private void multichoice(Element q, String id, String where) {
        List<Figure> figures = new ArrayList<>();
        String prompt = prompt(q, id, where, figures);
        boolean single = !"false".equalsIgnoreCase(q.child("single").map(e -> e.text().strip()).orElse("true"));
        List<MultiSelectQuestion.Option> options = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        List<Element> answers = q.all("answer");
        for (int i = 0; i < answers.size(); i++) {
            Element a = answers.get(i);
            String key = String.valueOf((char) ('A' + i));
            String optionWhere = "line " + a.line();
            String text = optionText(a, "option " + key, id, optionWhere, figures);
            String feedback = text(a, "feedback", "the feedback of option " + key, id, optionWhere).markdown();
            options.add(new MultiSelectQuestion.Option(key, text, MultiSelectQuestion.Correctness.FALSE,
                    feedback.isBlank() ? null : feedback));
            BigDecimal fraction = ImportLimits.decimal(a.attribute("fraction"));
            weights.add(fraction == null ? BigDecimal.ZERO : fraction.divide(HUNDRED));
        }
        if (options.isEmpty() || options.size() > 26) {
            draft.note(null, where, "multiple-choice question with " + options.size() + " options is not carried over");
            return;
        }
        boolean shuffle = "true".equals(q.child("shuffleanswers").map(e -> e.text().strip()).orElse("false"))
                || "1".equals(q.child("shuffleanswers").map(e -> e.text().strip()).orElse("0"));
        MultiSelectQuestion template = new MultiSelectQuestion(id, points(q, id, where), prompt, figures, options,
                MultiSelectScoring.PER_ERROR, MultiSelectScoring.ALL_OR_NOTHING, BigDecimal.valueOf(2),
                solution(q, id, where), List.of(), shuffle);
        OptionWeights.Fitted fitted = new OptionWeights(weights, single).fit(template, "Moodle");
        fitted.difference().ifPresent(d -> draft.scoresDiffer(id, where, d));
        if (single) {
            long full = weights.stream().filter(w -> w.compareTo(BigDecimal.ONE) == 0).count();
            if (full > 1) {
                draft.scoresDiffer(id, where, "Moodle accepts any one of " + full + " fully right options; in Quizdesk a "
                        + "student must select all of them");
            }
        }
        draft.add(fitted.question());
    }

    private String optionText(Element a, String what, String id, String where, List<Figure> figures) {
        String format = a.attribute("format") == null ? "html" : a.attribute("format");
        String raw = a.child("text").map(Element::text).orElse("");
        if (format.equals("markdown")) {
            return raw.strip();
        }
        SourceText.Text text = SourceText.convert(raw, format.equals("html") || format.equals("moodle_auto_format"),
                what, draft, id, where, embedded(a));
        figures.addAll(text.figures());
        return text.markdown().isBlank() ? "(empty)" : text.markdown();
    }

    private void shortAnswer(Element q, String id, String where) {
        List<Figure> figures = new ArrayList<>();
        String prompt = prompt(q, id, where, figures);
        boolean caseSensitive = "1".equals(q.child("usecase").map(e -> e.text().strip()).orElse("0"));
        List<AcceptedAnswer> accept = new ArrayList<>();
        for (Element a : q.all("answer")) {
            BigDecimal fraction = ImportLimits.decimal(a.attribute("fraction"));
            String answer = HtmlText.plain(a.childText("text"));
            if (fraction == null || fraction.signum() <= 0) {
                continue;
            }
            if (fraction.compareTo(HUNDRED) < 0) {
                draft.scoresDiffer(id, "line " + a.line(), "answer \"" + answer + "\" gives " + fraction.stripTrailingZeros()
                        .toPlainString() + "% in Moodle: Quizdesk has no partial credit for short answers, it is not accepted");
                continue;
            }
            accept.add(caseSensitive ? textAnswer(answer, true) : ShapeText.accepted(answer, draft, id, "line " + a.line()));
        }
        if (accept.isEmpty()) {
            draft.note(null, where, "short-answer question with no answer of fraction 100 is not carried over");
            return;
        }
        if (caseSensitive) {
            draft.note(id, where, "Moodle compares case-sensitively here: carried over as regular expressions");
        }
        draft.add(new ShortAnswerQuestion(id, points(q, id, where), prompt, figures, accept, false, List.of(),
                solution(q, id, where)));
    }

    /** Moodle's "*" matches any text; Quizdesk writes that as a regular expression. */
    static AcceptedAnswer textAnswer(String answer, boolean caseSensitive) {
        String[] parts = answer.split("(?<!\\\\)\\*", -1);
        if (parts.length == 1 && !caseSensitive) {
            return new AcceptedAnswer.Text(answer.replace("\\*", "*"));
        }
        StringBuilder regex = new StringBuilder(caseSensitive ? "" : "(?i)");
        for (int i = 0; i < parts.length; i++) {
            regex.append(quoteRegex(parts[i].replace("\\*", "*")));
            if (i < parts.length - 1) {
                regex.append(".*");
            }
        }
        return new AcceptedAnswer.Regex(com.google.re2j.Pattern.compile(regex.toString()));
    }

    private void numerical(Element q, String id, String where) {
        List<Figure> figures = new ArrayList<>();
        String prompt = prompt(q, id, where, figures);
        List<AcceptedAnswer> accept = new ArrayList<>();
        for (Element a : q.all("answer")) {
            BigDecimal fraction = ImportLimits.decimal(a.attribute("fraction"));
            String answer = HtmlText.plain(a.childText("text").isEmpty() ? a.text() : a.childText("text"));
            if (fraction == null || fraction.signum() <= 0) {
                continue;
            }
            BigDecimal value = ImportLimits.decimal(answer);
            if (value == null) {
                draft.note(id, "line " + a.line(), "answer \"" + answer + "\" is not a number"
                        + (answer.equals("*") ? " (Moodle's \"any other answer\")" : "") + ": not carried over");
                continue;
            }
            if (fraction.compareTo(HUNDRED) < 0) {
                draft.scoresDiffer(id, "line " + a.line(), "answer " + answer + " gives " + fraction.stripTrailingZeros()
                        .toPlainString() + "% in Moodle: Quizdesk has no partial credit for numbers, it is not accepted");
                continue;
            }
            BigDecimal tolerance = ImportLimits.decimal(a.child("tolerance").map(e -> e.text().strip()).orElse("0"));
            accept.add(new AcceptedAnswer.Number(value, tolerance == null ? BigDecimal.ZERO : tolerance.abs(), false));
        }
        if (!q.all("units").isEmpty() && q.child("units").map(u -> !u.children().isEmpty()).orElse(false)) {
            draft.note(id, where, "units are not carried over: Quizdesk takes the number alone");
        }
        if (accept.isEmpty()) {
            draft.note(null, where, "numerical question with no number of fraction 100 is not carried over");
            return;
        }
        draft.add(new ShortAnswerQuestion(id, points(q, id, where), prompt, figures, accept, false, List.of(),
                solution(q, id, where)));
    }

    private void essay(Element q, String id, String where) {
        List<Figure> figures = new ArrayList<>();
        String prompt = prompt(q, id, where, figures);
        BigDecimal points = points(q, id, where);
        String graderInfo = text(q, "graderinfo", "the information for graders", id, where).markdown();
        List<RubricItem> rubric = graderInfo.isBlank() || points.signum() == 0 ? List.of()
                : List.of(new RubricItem("grader-info", points, graderInfo));
        if (!rubric.isEmpty()) {
            draft.note(id, where, "Moodle's information for graders became one rubric item worth the question's points");
        }
        draft.add(new ShortAnswerQuestion(id, points, prompt, figures, List.of(), true, rubric, solution(q, id, where)));
    }

    /** The text as a regular expression that matches it literally (RE2 syntax). */
    static String quoteRegex(String text) {
        StringBuilder quoted = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }
}
