package org.quizdesk.interchange;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.Figure;
import org.quizdesk.quiz.Item;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuestionGroup;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.RubricItem;
import org.quizdesk.quiz.Section;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * Writes a quiz as a quiz file (docs/quiz-format.md), by hand rather than through a YAML dumper so that the file
 * reads like one written by a person (fields in the documented order, block text for paragraphs) and carries the
 * import's notes as comments next to their questions. Every text is quoted so that no content can change the
 * file's structure.
 */
final class QuizYamlWriter {

    /** Text that YAML reads back unchanged without quotes: starts with a letter or digit, no ": ", " #", quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ,.;()?/+=-]*[A-Za-z0-9.?)]|[A-Za-z0-9]");
    private static final Pattern NOT_PLAIN_WORDS = Pattern.compile("(?i)(true|false|yes|no|on|off|null|~|y|n)|[0-9.eE+-]+");

    private final StringBuilder out = new StringBuilder();
    private final List<CarryOverNote> notes;

    private QuizYamlWriter(List<CarryOverNote> notes) {
        this.notes = notes;
    }

    static String write(Quiz quiz, List<CarryOverNote> notes, String format) {
        QuizYamlWriter writer = new QuizYamlWriter(notes);
        writer.quiz(quiz, format);
        return writer.out.toString();
    }

    private void quiz(Quiz quiz, String format) {
        out.append("# Imported from ").append(oneLine(format)).append(" by `quizdesk import`.\n");
        out.append("# Format reference: docs/quiz-format.md; check it with `java -jar quizdesk.jar validate`.\n");
        List<CarryOverNote> quizNotes = notes.stream().filter(n -> n.questionId() == null).toList();
        if (!quizNotes.isEmpty()) {
            out.append("# Not carried over, or changed on the way:\n");
            quizNotes.forEach(n -> out.append("#   ").append(oneLine(n.toString())).append('\n'));
        }
        field("", "id", quiz.id());
        field("", "title", quiz.title());
        if (quiz.course() != null) {
            field("", "course", quiz.course());
        }
        out.append("time_limit: ").append(duration(quiz.timeLimit())).append('\n');
        if (quiz.instructions() != null) {
            field("", "instructions", quiz.instructions());
        }
        out.append("\nsections:\n");
        for (Section section : quiz.sections()) {
            field("  - ", "title", section.title());
            if (section.instructions() != null) {
                field("    ", "instructions", section.instructions());
            }
            if (section.shuffle()) {
                out.append("    shuffle: true\n");
            }
            out.append("    questions:\n");
            for (Item item : section.items()) {
                if (item instanceof QuestionGroup group) {
                    out.append('\n');
                    field("      - ", "id", group.id());
                    out.append("        type: group\n");
                    field("        ", "prompt", group.prompt());
                    figures("        ", "figures", group.figures());
                    out.append("        parts:\n");
                    group.parts().forEach(part -> question(part, "          "));
                } else {
                    question((Question) item, "      ");
                }
            }
        }
    }

    private void question(Question q, String indent) {
        String inner = indent + "  ";
        out.append('\n');
        notes.stream().filter(n -> q.id().equals(n.questionId()))
                .forEach(n -> out.append(indent).append("# ").append(oneLine(n.toString())).append('\n'));
        field(indent + "- ", "id", q.id());
        out.append(inner).append("type: ").append(q.kind().fileName()).append('\n');
        out.append(inner).append("points: ").append(number(q.points())).append('\n');
        if (q instanceof ShortAnswerQuestion s && s.manual()) {
            out.append(inner).append("grading: manual\n");
        }
        if (q instanceof MultiSelectQuestion m) {
            MultiSelectScoring rule = m.effectiveScoring();
            if (m.correctCount() == 1) {
                if (rule != MultiSelectScoring.ALL_OR_NOTHING) {
                    out.append(inner).append("single_correct: ").append(rule.fileName()).append('\n');
                    penalty(inner, m, rule);
                }
            } else {
                out.append(inner).append("scoring: ").append(rule.fileName()).append('\n');
                penalty(inner, m, rule);
            }
        }
        if (q instanceof MultiSelectQuestion m && m.shuffle()) {
            out.append(inner).append("shuffle: true\n");
        }
        field(inner, "prompt", q.prompt());
        figures(inner, "figures", q.figures());
        if (q instanceof TrueFalseQuestion t) {
            out.append(inner).append("answer: ").append(t.answer()).append('\n');
        } else if (q instanceof MultiSelectQuestion m) {
            out.append(inner).append("options:\n");
            for (MultiSelectQuestion.Option o : m.options()) {
                field(inner + "  - ", "key", o.key());
                field(inner + "    ", "text", o.text());
                out.append(inner).append("    correct: ").append(o.correct().name().toLowerCase(java.util.Locale.ROOT))
                        .append('\n');
                if (o.solution() != null) {
                    field(inner + "    ", "solution", o.solution());
                }
                if (o.fixed()) {
                    out.append(inner).append("    fixed: true\n");
                }
            }
        } else {
            ShortAnswerQuestion s = (ShortAnswerQuestion) q;
            if (!s.manual()) {
                out.append(inner).append("accept:\n");
                s.accept().forEach(a -> accepted(inner + "  - ", a));
            } else if (!s.rubric().isEmpty()) {
                out.append(inner).append("rubric:\n");
                for (RubricItem r : s.rubric()) {
                    field(inner + "  - ", "id", r.id());
                    out.append(inner).append("    points: ").append(number(r.points())).append('\n');
                    field(inner + "    ", "text", r.text());
                }
            }
        }
        if (q.solution() != null) {
            field(inner, "solution", q.solution());
        }
        figures(inner, "solution_figures", q.solutionFigures());
    }

    private void penalty(String inner, MultiSelectQuestion m, MultiSelectScoring rule) {
        if (rule == MultiSelectScoring.PER_ERROR) {
            out.append(inner).append("penalty: ").append(number(m.penalty())).append('\n');
        }
    }

    private void accepted(String first, AcceptedAnswer a) {
        String rest = " ".repeat(first.length());
        if (a instanceof AcceptedAnswer.Text text) {
            field(first, "text", text.text());
        } else if (a instanceof AcceptedAnswer.Number n) {
            out.append(first).append("number: ").append(number(n.value())).append('\n');
            if (n.tolerance().signum() != 0) {
                out.append(rest).append("tolerance: ").append(number(n.tolerance())).append('\n');
            }
            if (n.relative()) {
                out.append(rest).append("relative: true\n");
            }
        } else if (a instanceof AcceptedAnswer.Shape shape) {
            out.append(first).append("shape: ").append(shape.dimensions()).append('\n');
        } else if (a instanceof AcceptedAnswer.Regex r) {
            field(first, "regex", r.pattern().pattern());
        }
        // imports never produce answers computed from parameters: no other system has them
    }

    private void figures(String indent, String name, List<Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        out.append(indent).append(name).append(":\n");
        for (Figure f : figures) {
            if (f.file() != null) {
                field(indent + "  - ", "file", f.file());
                field(indent + "    ", "description", f.description());
            } else {
                field(indent + "  - ", "description", f.description());
            }
            if (f.caption() != null) {
                field(indent + "    ", "caption", f.caption());
            }
        }
    }

    /** "name: value" with the value written so that YAML reads it back exactly (see {@link #scalar}). */
    private void field(String prefix, String name, String value) {
        out.append(prefix).append(name).append(':');
        String continuation = " ".repeat(prefix.length() + 2);
        out.append(scalar(value, continuation)).append('\n');
    }

    /**
     * Plain when that is safe; a literal block ({@code |-}) for several lines; single quotes otherwise (backslashes
     * of LaTeX stay as written); double quotes with escapes only for text with control characters.
     */
    static String scalar(String value, String blockIndent) {
        String text = value == null ? "" : value;
        if (PLAIN.matcher(text).matches() && !NOT_PLAIN_WORDS.matcher(text).matches()) {
            return " " + text;
        }
        boolean control = text.codePoints().anyMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f
                || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfeff);
        if (!control && text.contains("\n")) {
            boolean blockSafe = !text.startsWith(" ") && text.lines().noneMatch(l -> !l.equals(l.stripTrailing()));
            if (blockSafe) {
                StringBuilder block = new StringBuilder(" |-");
                for (String line : text.split("\n", -1)) {
                    block.append('\n');
                    if (!line.isEmpty()) {
                        block.append(blockIndent).append(line);
                    }
                }
                return block.toString();
            }
        }
        if (!control && !text.contains("\n")) {
            return " '" + text.replace("'", "''") + "'";
        }
        StringBuilder quoted = new StringBuilder(" \"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    private static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String duration(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (s > 0 ? s + "s" : "");
    }

    /** A comment is one line: a note's line breaks would end it and the rest would be read as YAML. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
