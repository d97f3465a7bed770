package org.quizdesk.interchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * GIFT (docs.moodle.org/en/GIFT_format): questions separated by blank lines, {@code ::title::}, an answer block in
 * braces; true/false ({T}, {FALSE}), multiple choice (= right, ~ wrong, ~%50% weights), short answer (only =),
 * numerical ({#3.14:0.01}, {#1..5}), essay ({}); {@code $CATEGORY:} starts a section. Matching questions and
 * descriptions are listed as not carried over.
 */
final class GiftImport {

    static final String FORMAT = "GIFT";
    private static final Pattern WEIGHT = Pattern.compile("^%(-?[0-9]+(?:\\.[0-9]+)?)%");
    private static final Pattern FORMAT_TAG = Pattern.compile("^\\[(html|moodle|plain|markdown)\\]", Pattern.CASE_INSENSITIVE);

    private final QuizDraft draft = new QuizDraft(FORMAT);
    private final String fileName;

    private GiftImport(String fileName) {
        this.fileName = fileName;
    }

    static ImportedQuiz read(byte[] bytes, String fileName, String quizId) throws ImportException {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        GiftImport reader = new GiftImport(fileName);
        String title = null;
        List<String> block = new ArrayList<>();
        int blockLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String trimmed = line.strip();
            if (trimmed.startsWith("//")) {
                continue;
            }
            if (block.isEmpty() && trimmed.startsWith("$CATEGORY:")) {
                List<String> path = MoodleXmlImport.categoryPath(trimmed.substring("$CATEGORY:".length()));
                if (!path.isEmpty()) {
                    reader.draft.section(path.get(path.size() - 1));
                    title = title == null ? path.get(0) : title;
                }
                continue;
            }
            if (trimmed.isEmpty()) {
                // a blank line ends a question, unless its answer block is still open
                if (!block.isEmpty() && !open(String.join("\n", block))) {
                    try {
                        reader.question(String.join("\n", block), blockLine);
                    } catch (ImportLimits.Exceeded e) {
                        throw e.at(fileName, "line " + blockLine);
                    }
                    block.clear();
                } else if (!block.isEmpty()) {
                    block.add(line);
                }
                continue;
            }
            if (block.isEmpty()) {
                blockLine = i + 1;
            }
            block.add(line);
        }
        if (!block.isEmpty()) {
            throw new ImportException(fileName, blockLine, "the answer block opened here is never closed with \"}\"");
        }
        reader.draft.note(null, null, "GIFT carries no points: every question is worth 1, check points");
        String id = quizId != null ? quizId : QuizDraft.slug(fileName);
        return reader.draft.build(id, title == null ? "Imported from " + fileName : title, fileName);
    }

    /** Whether an unescaped "{" is still waiting for its "}". */
    private static boolean open(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        return depth > 0;
    }

    private void question(String block, int line) throws ImportException {
        String where = "line " + line;
        String rest = block.strip();
        String name = null;
        if (rest.startsWith("::")) {
            int end = unescaped(rest, "::", 2);
            if (end < 0) {
                throw new ImportException(fileName, line, "the title started with \"::\" is never closed with \"::\"");
            }
            name = unescape(rest.substring(2, end)).strip();
            rest = rest.substring(end + 2).strip();
        }
        boolean html = false;
        Matcher tag = FORMAT_TAG.matcher(rest);
        if (tag.find()) {
            html = tag.group(1).equalsIgnoreCase("html");
            rest = rest.substring(tag.end());
        }
        int open = unescaped(rest, "{", 0);
        if (open < 0) {
            draft.note(null, where, "\"" + (name == null ? firstWords(rest) : name)
                    + "\" has no answer block { }: a description, not carried over");
            return;
        }
        int close = unescaped(rest, "}", open + 1);
        if (close < 0) {
            throw new ImportException(fileName, line, "the answer block \"{\" is never closed with \"}\"");
        }
        String before = rest.substring(0, open).strip();
        String after = rest.substring(close + 1).strip();
        String answers = rest.substring(open + 1, close).strip();
        String id = draft.nextId(name);
        // "Moodle costs {~lots =nothing} to download": the answer block stands for a blank in the sentence
        String promptSource = after.isEmpty() ? before : before + " _____ " + after;
        if (unescaped(after, "{", 0) >= 0) {
            draft.note(null, where, "question with several answer blocks (Moodle's embedded answers) is not carried over");
            return;
        }
        SourceText.Text prompt = SourceText.convert(unescape(promptSource), html, "the prompt", draft, id, where);
        String promptText = prompt.markdown().isBlank() ? (name == null ? "(no text)" : name) : prompt.markdown();
        String generalFeedback = null;
        int feedbackAt = unescaped(answers, "####", 0);
        if (feedbackAt >= 0) {
            generalFeedback = unescape(answers.substring(feedbackAt + 4)).strip();
            answers = answers.substring(0, feedbackAt).strip();
        }
        String solution = generalFeedback == null || generalFeedback.isEmpty() ? null
                : SourceText.convert(generalFeedback, html, "the general feedback", draft, id, where).markdown();
        String upper = answers.toUpperCase(Locale.ROOT);
        String head = upper.split("#", 2)[0].strip();
        if (answers.isEmpty()) {
            draft.add(new ShortAnswerQuestion(id, BigDecimal.ONE, promptText, prompt.figures(), List.of(), true,
                    List.of(), solution));
        } else if (List.of("T", "TRUE", "F", "FALSE").contains(head)) {
            draft.add(new TrueFalseQuestion(id, BigDecimal.ONE, promptText, prompt.figures(), head.startsWith("T"),
                    solution));
        } else if (answers.startsWith("#")) {
            numerical(answers.substring(1), id, where, promptText, prompt, solution);
        } else if (unescaped(answers, "->", 0) >= 0) {
            draft.note(null, where, "matching question \"" + (name == null ? firstWords(promptText) : name)
                    + "\" is not carried over: Quizdesk has no matching questions");
        } else {
            choices(answers, id, where, promptText, prompt, solution, html, line);
        }
    }

    private void numerical(String body, String id, String where, String promptText, SourceText.Text prompt,
            String solution) {
        List<AcceptedAnswer> accept = new ArrayList<>();
        List<String> entries = body.strip().startsWith("=") ? split(body) : List.of("=" + body);
        for (String entry : entries) {
            if (!entry.startsWith("=")) {
                continue;
            }
            String value = entry.substring(1).split("#", 2)[0].strip();
            Matcher weight = WEIGHT.matcher(value);
            if (weight.find()) {
                BigDecimal percent = ImportLimits.decimal(weight.group(1));
                value = value.substring(weight.end()).strip();
                if (percent.compareTo(BigDecimal.valueOf(100)) < 0) {
                    draft.scoresDiffer(id, where, "answer " + value + " gives " + percent.toPlainString()
                            + "% in GIFT: Quizdesk has no partial credit for numbers, it is not accepted");
                    continue;
                }
            }
            AcceptedAnswer.Number number = number(value);
            if (number == null) {
                draft.note(id, where, "answer \"" + value + "\" is not a number: not carried over");
            } else {
                accept.add(number);
            }
        }
        if (accept.isEmpty()) {
            draft.note(null, where, "numerical question without a number of full credit is not carried over");
            return;
        }
        draft.add(new ShortAnswerQuestion(id, BigDecimal.ONE, promptText, prompt.figures(), accept, false, List.of(),
                solution));
    }

    /** "3.14:0.01" (value and tolerance), "1..5" (a range) or "42"; null when it is not a number. */
    private static AcceptedAnswer.Number number(String text) {
        int range = text.indexOf("..");
        if (range > 0) {
            BigDecimal low = ImportLimits.decimal(text.substring(0, range));
            BigDecimal high = ImportLimits.decimal(text.substring(range + 2));
            if (low == null || high == null) {
                return null;
            }
            BigDecimal middle = low.add(high).divide(BigDecimal.valueOf(2));
            return new AcceptedAnswer.Number(middle, high.subtract(middle).abs(), false);
        }
        String[] parts = text.split(":", 2);
        BigDecimal value = ImportLimits.decimal(parts[0]);
        BigDecimal tolerance = parts.length == 2 ? ImportLimits.decimal(parts[1]) : BigDecimal.ZERO;
        return value == null || tolerance == null ? null : new AcceptedAnswer.Number(value, tolerance.abs(), false);
    }

    private void choices(String answers, String id, String where, String promptText, SourceText.Text prompt,
            String solution, boolean html, int line) throws ImportException {
        List<String> entries = split(answers);
        if (entries.isEmpty()) {
            throw new ImportException(fileName, line, "the answer block has no answer: write = before a right "
                    + "answer and ~ before a wrong one, or T / F");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (WEIGHT.matcher(entries.get(i).substring(1).strip()).replaceFirst("").split("(?<!\\\\)#", 2)[0].isBlank()) {
                throw new ImportException(fileName, line, "answer " + (i + 1) + " of the answer block is empty: write "
                        + "the answer after its = or ~");
            }
        }
        boolean anyWrong = entries.stream().anyMatch(e -> e.startsWith("~"));
        if (!anyWrong) {
            // only "=" entries: every one of them is an accepted short answer
            List<AcceptedAnswer> accept = new ArrayList<>();
            for (String entry : entries) {
                String text = unescape(entry.substring(1).split("(?<!\\\\)#", 2)[0]).strip();
                Matcher weight = WEIGHT.matcher(text);
                if (weight.find()) {
                    BigDecimal percent = ImportLimits.decimal(weight.group(1));
                    text = text.substring(weight.end()).strip();
                    if (percent.compareTo(BigDecimal.valueOf(100)) < 0) {
                        draft.scoresDiffer(id, where, "answer \"" + text + "\" gives " + percent.toPlainString()
                                + "% in GIFT: Quizdesk has no partial credit for short answers, it is not accepted");
                        continue;
                    }
                }
                accept.add(MoodleXmlImport.textAnswer(text, false));
            }
            if (accept.isEmpty()) {
                draft.note(null, where, "short-answer question without an answer of full credit is not carried over");
                return;
            }
            draft.add(new ShortAnswerQuestion(id, BigDecimal.ONE, promptText, prompt.figures(), accept, false,
                    List.of(), solution));
            return;
        }
        List<MultiSelectQuestion.Option> options = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        boolean weighted = false;
        for (int i = 0; i < entries.size() && i < 26; i++) {
            String entry = entries.get(i);
            boolean right = entry.startsWith("=");
            String[] textAndFeedback = entry.substring(1).split("(?<!\\\\)#", 2);
            String text = textAndFeedback[0].strip();
            BigDecimal weight = right ? BigDecimal.ONE : BigDecimal.ZERO;
            Matcher m = WEIGHT.matcher(text);
            if (m.find()) {
                weight = ImportLimits.decimal(m.group(1)).divide(BigDecimal.valueOf(100));
                text = text.substring(m.end()).strip();
                weighted = true;
            }
            String key = String.valueOf((char) ('A' + i));
            String optionText = SourceText.convert(unescape(text), html, "option " + key, draft, id, where).markdown();
            String feedback = textAndFeedback.length > 1 ? unescape(textAndFeedback[1]).strip() : "";
            options.add(new MultiSelectQuestion.Option(key, optionText.isBlank() ? "(empty)" : optionText,
                    MultiSelectQuestion.Correctness.FALSE, feedback.isEmpty() ? null : feedback));
            weights.add(weight);
        }
        long rightOnes = entries.stream().filter(e -> e.startsWith("=")).count();
        // "=" marks the one right answer of a single-choice question; "~%50%" weights make it choose-several
        boolean single = !weighted || rightOnes > 0;
        MultiSelectQuestion template = new MultiSelectQuestion(id, BigDecimal.ONE, promptText, prompt.figures(),
                options, MultiSelectScoring.PER_ERROR, MultiSelectScoring.ALL_OR_NOTHING, BigDecimal.valueOf(2),
                solution, List.of(), false);
        OptionWeights.Fitted fitted = new OptionWeights(weights, single).fit(template, "Moodle");
        fitted.difference().ifPresent(d -> draft.scoresDiffer(id, where, d));
        draft.add(fitted.question());
    }

    /** The entries of an answer block, each starting with "=" or "~" (unescaped). */
    private static List<String> split(String answers) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < answers.length(); i++) {
            char c = answers.charAt(i);
            if (c == '\\' && i + 1 < answers.length()) {
                if (current != null) {
                    current.append(c).append(answers.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (c == '=' || c == '~') {
                if (current != null) {
                    entries.add(current.toString().strip());
                }
                current = new StringBuilder().append(c);
            } else if (current != null) {
                current.append(c);
            }
        }
        if (current != null) {
            entries.add(current.toString().strip());
        }
        return entries;
    }

    /** The index of an unescaped occurrence of the token at or after from, or -1. */
    private static int unescaped(String text, String token, int from) {
        for (int i = from; i <= text.length() - token.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
                continue;
            }
            if (text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replaceAll("\\\\([~=#{}:\\\\])", "$1");
    }

    private static String firstWords(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
