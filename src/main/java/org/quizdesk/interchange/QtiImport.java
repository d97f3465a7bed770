package org.quizdesk.interchange;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.math.MathContext;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.quizdesk.interchange.XmlTree.Element;
import org.quizdesk.quiz.AcceptedAnswer;
import org.quizdesk.quiz.Figure;
import org.quizdesk.quiz.MultiSelectQuestion;
import org.quizdesk.quiz.MultiSelectScoring;
import org.quizdesk.quiz.ShortAnswerQuestion;
import org.quizdesk.quiz.TrueFalseQuestion;

/**
 * IMS QTI 2.1 packages (choiceInteraction single and multiple, textEntryInteraction, extendedTextInteraction) and
 * Canvas's QTI 1.2 export (multiple_choice, true_false, multiple_answers, short_answer, numerical and essay
 * questions): a zip whose {@code imsmanifest.xml} lists the items (and, for 2.1, an assessment test whose sections
 * become sections).
 */
final class QtiImport {

    static final String FORMAT_21 = "QTI 2.1";
    static final String FORMAT_12 = "Canvas QTI 1.2";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Longer is no quiz's time limit (and would overflow a Duration's seconds). */
    private static final Duration MAX_TIME_LIMIT = Duration.ofDays(30);

    private final String fileName;
    private final ZipPackage zip;
    private QuizDraft draft;
    /** The package entry being read: an item's images are named relative to it. */
    private String entryHref = "";
    /** The entries read as items or assessments: one named again would be read again (2 KB of zip, 60 MB of YAML). */
    private final Set<String> entriesRead = new HashSet<>();

    private QtiImport(String fileName, ZipPackage zip) {
        this.fileName = fileName;
        this.zip = zip;
    }

    static ImportedQuiz read(byte[] bytes, String fileName, String quizId) throws ImportException {
        ZipPackage zip = ZipPackage.read(bytes, fileName);
        if (!zip.has("imsmanifest.xml")) {
            throw new ImportException(fileName, "the package", "no imsmanifest.xml at the top of the zip: not a QTI "
                    + "or IMS content package");
        }
        Element manifest = XmlTree.parse(zip.get("imsmanifest.xml"), fileName + "!imsmanifest.xml");
        QtiImport reader = new QtiImport(fileName, zip);
        String id = quizId != null ? quizId : QuizDraft.slug(fileName);
        List<Element> resources = manifest.descendants("resource");
        Optional<Element> test = resources.stream().filter(r -> type(r).startsWith("imsqti_test_xmlv2")).findFirst();
        List<Element> v12 = resources.stream().filter(r -> type(r).startsWith("imsqti_xmlv1p2")).toList();
        if (!v12.isEmpty()) {
            reader.draft = new QuizDraft(FORMAT_12);
            reader.draft.quizId(id);
            String title = null;
            for (Element resource : v12) {
                String href = href(resource);
                if (href == null) {
                    continue;
                }
                reader.once(href, "imsmanifest.xml", "the manifest lists");
                reader.entryHref = href;
                title = reader.canvasAssessment(reader.entry(href), title);
            }
            return reader.draft.build(id, title == null ? "Imported from " + fileName : title, fileName);
        }
        reader.draft = new QuizDraft(FORMAT_21);
        reader.draft.quizId(id);
        if (test.isPresent() && href(test.get()) != null) {
            String testHref = href(test.get());
            Element testRoot = reader.entry(testHref);
            for (Element section : testRoot.descendants("assessmentSection")) {
                if (!section.all("assessmentItemRef").isEmpty()) {
                    reader.draft.section(section.attribute("title"));
                    for (Element ref : section.all("assessmentItemRef")) {
                        String href = ZipPackage.resolve(testHref, ref.attribute("href"));
                        reader.once(href, "entry " + testHref, "the test refers to");
                        reader.item21(href);
                    }
                }
            }
            try {
                testRoot.descendants("timeLimits").stream().map(t -> t.attribute("maxTime")).filter(t -> t != null)
                        .findFirst().ifPresent(seconds -> reader.timeLimit(seconds, ChronoUnit.SECONDS));
            } catch (ImportLimits.Exceeded e) {
                throw e.at(fileName, "entry " + testHref);
            }
            String title = testRoot.attribute("title");
            return reader.draft.build(id, title == null || title.isBlank() ? "Imported from " + fileName : title,
                    fileName);
        }
        List<Element> items = resources.stream().filter(r -> type(r).startsWith("imsqti_item_xmlv2")).toList();
        if (items.isEmpty()) {
            throw new ImportException(fileName, "imsmanifest.xml", "the manifest lists no QTI 2.1 items "
                    + "(resource type imsqti_item_xmlv2p1) and no QTI 1.2 assessment (imsqti_xmlv1p2)");
        }
        for (Element resource : items) {
            if (href(resource) != null) {
                reader.once(href(resource), "imsmanifest.xml", "the manifest lists");
                reader.item21(href(resource));
            }
        }
        return reader.draft.build(id, "Imported from " + fileName, fileName);
    }

    private static String type(Element resource) {
        return resource.attribute("type") == null ? "" : resource.attribute("type");
    }

    private static String href(Element resource) {
        if (resource.attribute("href") != null) {
            return resource.attribute("href");
        }
        return resource.child("file").map(f -> f.attribute("href")).orElse(null);
    }

    /** Refuses an entry read before: each item of a package becomes at most one question. */
    private void once(String href, String where, String naming) throws ImportException {
        if (!entriesRead.add(href)) {
            throw new ImportException(fileName, where, naming + " " + href + " more than once: each item of a package is "
                    + "imported once");
        }
    }

    /** A time limit the source writes as a number of seconds or minutes; zero or less means none. */
    private void timeLimit(String amount, ChronoUnit unit) {
        BigDecimal value = ImportLimits.decimal(amount);
        if (value == null || value.signum() <= 0) {
            return;
        }
        BigDecimal seconds = value.multiply(BigDecimal.valueOf(unit.getDuration().getSeconds()));
        if (seconds.compareTo(BigDecimal.valueOf(MAX_TIME_LIMIT.getSeconds())) > 0) {
            throw new ImportLimits.Exceeded("the time limit " + amount.strip() + " "
                    + unit.toString().toLowerCase(Locale.ROOT) + " is longer than " + MAX_TIME_LIMIT.toDays() + " days");
        }
        draft.timeLimit(Duration.ofSeconds(seconds.longValue()));
    }

    private Element entry(String href) throws ImportException {
        byte[] bytes = zip.get(href);
        if (bytes == null) {
            throw new ImportException(fileName, "imsmanifest.xml", "the manifest names " + href
                    + ", which is not in the package");
        }
        return XmlTree.parse(bytes, fileName + "!" + href);
    }

    // ---- QTI 2.1 ----

    private void item21(String href) throws ImportException {
        entryHref = href;
        Element item = entry(href);
        String where = "item " + (item.attribute("identifier") == null ? href : item.attribute("identifier"));
        try {
            item21(item, where);
        } catch (ImportLimits.Exceeded e) {
            throw e.at(fileName, where);
        }
    }

    private void item21(Element item, String where) {
        String id = draft.nextId(item.attribute("title"));
        Element body = item.child("itemBody").orElse(null);
        if (body == null) {
            draft.note(null, where, "item without an itemBody is not carried over");
            return;
        }
        List<Element> interactions = new ArrayList<>();
        collectInteractions(body, interactions);
        if (interactions.size() != 1) {
            draft.note(null, where, interactions.isEmpty() ? "item without a supported interaction is not carried over"
                    : "item with " + interactions.size() + " interactions is not carried over: a Quizdesk question "
                    + "asks one thing");
            return;
        }
        Element interaction = interactions.get(0);
        if (!List.of("choiceInteraction", "textEntryInteraction", "extendedTextInteraction").contains(interaction.name())) {
            draft.note(null, where, "item \"" + item.attribute("title") + "\" with an " + interaction.name()
                    + " is not carried over: Quizdesk has no such question type");
            return;
        }
        List<Figure> figures = new ArrayList<>();
        String promptHtml = bodyHtml(body, interaction);
        if (interaction.name().equals("choiceInteraction") || interaction.name().equals("extendedTextInteraction")) {
            promptHtml += interaction.child("prompt").map(p -> "<p>" + p.innerHtml() + "</p>").orElse("");
        }
        SourceText.Text prompt = SourceText.convert(promptHtml, true, "the prompt", draft, id, where, images());
        figures.addAll(prompt.figures());
        // a blank for the answer only means something inside a sentence, not after the whole question
        String markdown = prompt.markdown().replaceAll("\\s*_____\\s*$", "");
        String promptText = markdown.isBlank() ? (item.attribute("title") == null ? "(no text)"
                : item.attribute("title")) : markdown;
        String responseId = interaction.attribute("responseIdentifier");
        Element declaration = item.all("responseDeclaration").stream()
                .filter(d -> d.attribute("identifier") != null && d.attribute("identifier").equals(responseId))
                .findFirst().orElse(null);
        BigDecimal points = draft.points(maxScore(item, declaration), id, where);
        String solution = item.all("modalFeedback").stream().map(f -> SourceText.convert(f.innerHtml(), true,
                "the feedback", draft, id, where).markdown()).filter(s -> !s.isBlank()).findFirst().orElse(null);
        switch (interaction.name()) {
            case "choiceInteraction" -> choice21(item, interaction, declaration, id, where, points, promptText, figures,
                    solution);
            case "textEntryInteraction" -> textEntry21(item, declaration, id, where, points, promptText, figures,
                    solution);
            default -> draft.add(new ShortAnswerQuestion(id, points, promptText, figures, List.of(), true, List.of(),
                    solution));
        }
    }

    /**
     * An image of the package: relative to the entry that names it (QTI 2.1), or Canvas's {@code $IMS-CC-FILEBASE$/}
     * for its {@code web_resources} folder; the name may be URL-encoded ("Uploaded%20Media/a.png").
     */
    private ImageFiles images() {
        String base = entryHref;
        return source -> {
            // Canvas adds "?canvas_download=1" and the like to its file links
            String decoded = URLDecoder.decode(source.replaceFirst("[?#].*$", "").replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            if (decoded.contains("://") || decoded.startsWith("data:")) {
                return null; // a web address: the page works without network access, and nothing is fetched
            }
            if (decoded.startsWith("$IMS-CC-FILEBASE$/")) {
                String path = decoded.substring("$IMS-CC-FILEBASE$/".length());
                byte[] inResources = zip.get(ZipPackage.resolve("", "web_resources/" + path));
                return inResources != null ? inResources : zip.get(ZipPackage.resolve("", path));
            }
            byte[] relative = zip.get(ZipPackage.resolve(base, decoded));
            return relative != null ? relative : zip.get(ZipPackage.resolve("", decoded));
        };
    }

    private static void collectInteractions(Element element, List<Element> found) {
        for (Element child : element.children()) {
            if (child.name().endsWith("Interaction")) {
                found.add(child);
            } else {
                collectInteractions(child, found);
            }
        }
    }

    /** The item body as HTML without its interaction (a text entry inside a sentence becomes a blank). */
    private static String bodyHtml(Element element, Element interaction) {
        StringBuilder html = new StringBuilder();
        for (Object part : element.content()) {
            if (part == interaction) {
                html.append(interaction.name().equals("textEntryInteraction") ? " _____ " : "");
            } else if (part instanceof Element e) {
                if (e.name().equals("rubricBlock") || e.name().equals("feedbackInline")) {
                    continue;
                }
                String src = e.attribute("src") == null ? "" : " src=\"" + XmlTree.escape(e.attribute("src")) + "\""
                        + (e.attribute("alt") == null ? "" : " alt=\"" + XmlTree.escape(e.attribute("alt")) + "\"");
                html.append('<').append(e.name()).append(src).append('>').append(bodyHtml(e, interaction)).append("</")
                        .append(e.name()).append('>');
            } else {
                html.append(XmlTree.escape((String) part));
            }
        }
        return html.toString();
    }

    /** MAXSCORE's default, else the mapping's upper bound, else 1 (match_correct scores 0 or 1). */
    private static BigDecimal maxScore(Element item, Element declaration) {
        for (Element outcome : item.all("outcomeDeclaration")) {
            if ("MAXSCORE".equals(outcome.attribute("identifier"))) {
                BigDecimal value = outcome.child("defaultValue").flatMap(d -> d.child("value"))
                        .map(v -> ImportLimits.decimal(v.text())).orElse(null);
                if (value != null) {
                    return value;
                }
            }
        }
        if (declaration != null) {
            BigDecimal upper = declaration.child("mapping").map(m -> ImportLimits.decimal(m.attribute("upperBound")))
                    .orElse(null);
            if (upper != null) {
                return upper;
            }
        }
        return BigDecimal.ONE;
    }

    private void choice21(Element item, Element interaction, Element declaration, String id, String where,
            BigDecimal points, String promptText, List<Figure> figures, String solution) {
        List<Element> choices = interaction.descendants("simpleChoice");
        if (choices.isEmpty() || choices.size() > 26 || declaration == null) {
            draft.note(null, where, "choice item with " + choices.size() + " choices"
                    + (declaration == null ? " and no response declaration" : "") + " is not carried over");
            return;
        }
        List<String> correct = declaration.child("correctResponse").map(c -> c.all("value").stream()
                .map(v -> v.text().strip()).toList()).orElse(List.of());
        boolean single = "single".equals(declaration.attribute("cardinality"));
        if (single && choices.size() == 2 && trueFalse(choices.get(0)) != null && trueFalse(choices.get(1)) != null
                && correct.size() == 1) {
            Element right = choices.stream().filter(c -> correct.contains(c.attribute("identifier"))).findFirst()
                    .orElse(null);
            if (right != null) {
                draft.add(new TrueFalseQuestion(id, points, promptText, figures, trueFalse(right), solution));
                return;
            }
        }
        List<MultiSelectQuestion.Option> options = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        Element mapping = declaration.child("mapping").orElse(null);
        boolean mapped = mapping != null && usesMapping(item);
        for (int i = 0; i < choices.size(); i++) {
            Element choice = choices.get(i);
            String key = String.valueOf((char) ('A' + i));
            String text = SourceText.convert(bodyHtml(choice, null), true, "option " + key, draft, id, where, images())
                    .markdown();
            String feedback = choice.descendants("feedbackInline").stream().map(f -> HtmlText.plain(f.text()))
                    .findFirst().orElse(null);
            options.add(new MultiSelectQuestion.Option(key, text.isBlank() ? "(empty)" : text,
                    MultiSelectQuestion.Correctness.FALSE, feedback, "true".equals(choice.attribute("fixed"))));
            String identifier = choice.attribute("identifier");
            BigDecimal weight;
            if (mapped) {
                BigDecimal value = mapping.all("mapEntry").stream().filter(e -> identifier.equals(e.attribute("mapKey")))
                        .map(e -> ImportLimits.decimal(e.attribute("mappedValue"))).filter(v -> v != null)
                        .findFirst().orElse(Optional.ofNullable(ImportLimits.decimal(mapping.attribute("defaultValue")))
                                .orElse(BigDecimal.ZERO));
                weight = points.signum() == 0 ? value : value.divide(points, MathContext.DECIMAL64);
            } else {
                weight = correct.contains(identifier) ? BigDecimal.ONE.divide(BigDecimal.valueOf(Math.max(1, correct.size())),
                        MathContext.DECIMAL64) : (single ? BigDecimal.ZERO : BigDecimal.ONE.negate());
            }
            weights.add(weight);
        }
        boolean shuffle = "true".equals(interaction.attribute("shuffle"));
        MultiSelectQuestion template = new MultiSelectQuestion(id, points, promptText, figures, options,
                MultiSelectScoring.PER_ERROR, MultiSelectScoring.ALL_OR_NOTHING, BigDecimal.valueOf(2), solution,
                List.of(), shuffle);
        if (!mapped) {
            // match_correct: the full score for exactly the correct response, else nothing
            List<MultiSelectQuestion.Option> keyed = options.stream().map(o -> new MultiSelectQuestion.Option(o.key(),
                    o.text(), correct.contains(choices.get(o.key().charAt(0) - 'A').attribute("identifier"))
                    ? MultiSelectQuestion.Correctness.TRUE : MultiSelectQuestion.Correctness.FALSE, o.solution(),
                    o.fixed())).toList();
            if (keyed.stream().noneMatch(o -> o.correct() == MultiSelectQuestion.Correctness.TRUE)) {
                draft.note(null, where, "choice item without a correct response is not carried over");
                return;
            }
            draft.add(new MultiSelectQuestion(id, points, promptText, figures, keyed, MultiSelectScoring.ALL_OR_NOTHING,
                    MultiSelectScoring.ALL_OR_NOTHING, BigDecimal.valueOf(2), solution, List.of(), shuffle));
            return;
        }
        OptionWeights.Fitted fitted = new OptionWeights(weights, single).fit(template, "QTI");
        fitted.difference().ifPresent(d -> draft.scoresDiffer(id, where, d));
        draft.add(fitted.question());
    }

    private static boolean usesMapping(Element item) {
        return item.child("responseProcessing").map(rp -> {
            String template = rp.attribute("template") == null ? "" : rp.attribute("template");
            return template.endsWith("map_response") || !rp.descendants("mapResponse").isEmpty();
        }).orElse(false);
    }

    private static Boolean trueFalse(Element choice) {
        String text = HtmlText.plain(choice.text()).toLowerCase(Locale.ROOT);
        return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
    }

    private void textEntry21(Element item, Element declaration, String id, String where, BigDecimal points,
            String promptText, List<Figure> figures, String solution) {
        if (declaration == null) {
            draft.note(null, where, "text entry without a response declaration is not carried over");
            return;
        }
        String baseType = declaration.attribute("baseType") == null ? "string" : declaration.attribute("baseType");
        List<AcceptedAnswer> accept = new ArrayList<>();
        if (baseType.equals("float") || baseType.equals("integer")) {
            List<Element> equals = item.child("responseProcessing").map(rp -> rp.descendants("equal")).orElse(List.of());
            for (Element equal : equals) {
                BigDecimal value = equal.child("baseValue").map(b -> ImportLimits.decimal(b.text())).orElse(null);
                String tolerance = equal.attribute("tolerance") == null ? "0" : equal.attribute("tolerance").strip()
                        .split("\\s+")[0];
                if (value != null) {
                    boolean relative = "relative".equals(equal.attribute("toleranceMode"));
                    BigDecimal t = Optional.ofNullable(ImportLimits.decimal(tolerance)).orElse(BigDecimal.ZERO).abs();
                    accept.add(new AcceptedAnswer.Number(value, relative ? t.divide(HUNDRED) : t, relative));
                }
            }
            if (accept.isEmpty()) {
                declaration.child("correctResponse").ifPresent(c -> c.all("value").forEach(v -> {
                    BigDecimal value = ImportLimits.decimal(v.text());
                    if (value != null) {
                        accept.add(new AcceptedAnswer.Number(value, BigDecimal.ZERO, false));
                    }
                }));
            }
        } else {
            List<String> texts = new ArrayList<>();
            declaration.child("correctResponse").ifPresent(c -> c.all("value").forEach(v -> texts.add(v.text().strip())));
            declaration.child("mapping").ifPresent(m -> m.all("mapEntry").forEach(e -> {
                BigDecimal value = ImportLimits.decimal(e.attribute("mappedValue"));
                String key = e.attribute("mapKey");
                if (key != null && value != null && value.compareTo(points) >= 0 && !texts.contains(key)) {
                    texts.add(key);
                } else if (key != null && value != null && value.signum() > 0 && value.compareTo(points) < 0) {
                    draft.scoresDiffer(id, where, "answer \"" + key + "\" gives partial credit in QTI: Quizdesk has no partial "
                            + "credit for short answers, it is not accepted");
                }
            }));
            texts.forEach(t -> accept.add(ShapeText.accepted(t, draft, id, where)));
        }
        if (accept.isEmpty()) {
            draft.note(null, where, "text entry without a correct response is not carried over");
            return;
        }
        draft.add(new ShortAnswerQuestion(id, points, promptText, figures, accept, false, List.of(), solution));
    }

    // ---- Canvas QTI 1.2 ----

    private String canvasAssessment(Element root, String title) throws ImportException {
        if (!root.name().equals("questestinterop")) {
            draft.note(null, "entry", "a QTI 1.2 resource whose root is <" + root.name() + "> is skipped");
            return title;
        }
        String found = title;
        for (Element assessment : root.all("assessment")) {
            found = found == null ? assessment.attribute("title") : found;
            try {
                metadata(assessment, "qmd_timelimit").ifPresent(minutes -> timeLimit(minutes, ChronoUnit.MINUTES));
            } catch (ImportLimits.Exceeded e) {
                throw e.at(fileName, "entry " + entryHref);
            }
            for (Element section : assessment.all("section")) {
                canvasSection(section);
            }
        }
        return found;
    }

    private void canvasSection(Element section) throws ImportException {
        String title = section.attribute("title");
        if (title != null && !title.isBlank() && !"root_section".equals(section.attribute("ident"))) {
            draft.section(title);
            if (section.descendants("selection_number").size() > 0) {
                draft.note(null, "section " + section.attribute("ident"), "Canvas picks some of this group's questions "
                        + "for each student: Quizdesk gives every student all of them");
            }
        }
        boolean afterGroup = false;
        for (Element child : section.children()) {
            if (child.name().equals("item")) {
                if (afterGroup) {
                    // the questions after a group are the outer section's again
                    draft.section(title == null || "root_section".equals(section.attribute("ident")) ? null : title);
                    afterGroup = false;
                }
                canvasItem(child);
            } else if (child.name().equals("section")) {
                canvasSection(child);
                afterGroup = true;
            }
        }
    }

    private static Optional<String> metadata(Element owner, String label) {
        return owner.descendants("qtimetadatafield").stream()
                .filter(f -> f.child("fieldlabel").map(l -> l.text().strip().equals(label)).orElse(false))
                .map(f -> f.child("fieldentry").map(e -> e.text().strip()).orElse("")).findFirst();
    }

    private void canvasItem(Element item) throws ImportException {
        String where = "item " + item.attribute("ident");
        try {
            canvasItem(item, where);
        } catch (ImportLimits.Exceeded e) {
            throw e.at(fileName, where);
        }
    }

    private void canvasItem(Element item, String where) {
        String type = metadata(item, "question_type").orElse("");
        String id = draft.nextId(item.attribute("title"));
        Element presentation = item.child("presentation").orElse(null);
        if (presentation == null) {
            draft.note(null, where, "item without a presentation is not carried over");
            return;
        }
        SourceText.Text prompt = mattext(presentation.child("material").orElse(null), "the prompt", id, where);
        String promptText = prompt.markdown().isBlank() ? Optional.ofNullable(item.attribute("title")).orElse("(no text)")
                : prompt.markdown();
        List<Figure> figures = new ArrayList<>(prompt.figures());
        BigDecimal points = draft.points(metadata(item, "points_possible").map(ImportLimits::decimal).orElse(null),
                id, where);
        String solution = item.all("itemfeedback").stream().filter(f -> "general_fb".equals(f.attribute("ident")))
                .findFirst().map(f -> mattext(f.descendants("material").stream().findFirst().orElse(null),
                        "the general feedback", id, where).markdown()).filter(s -> !s.isBlank()).orElse(null);
        List<Element> labels = presentation.descendants("response_label");
        List<Element> conditions = item.descendants("respcondition");
        switch (type) {
            case "true_false_question", "multiple_choice_question", "multiple_answers_question" -> {
                List<String> correct = new ArrayList<>();
                for (Element condition : conditions) {
                    boolean scores = condition.all("setvar").stream().anyMatch(s -> {
                        BigDecimal v = ImportLimits.decimal(s.text());
                        return v != null && v.signum() > 0;
                    });
                    if (scores) {
                        condition.child("conditionvar").ifPresent(cv -> positives(cv, correct));
                    }
                }
                if (type.equals("true_false_question") && labels.size() == 2 && correct.size() == 1) {
                    Element right = labels.stream().filter(l -> correct.contains(l.attribute("ident"))).findFirst()
                            .orElse(null);
                    String text = right == null ? "" : mattext(right.child("material").orElse(null), "the answer", id,
                            where).markdown().toLowerCase(Locale.ROOT);
                    if (text.equals("true") || text.equals("false")) {
                        draft.add(new TrueFalseQuestion(id, points, promptText, figures, text.equals("true"), solution));
                        return;
                    }
                }
                List<MultiSelectQuestion.Option> options = new ArrayList<>();
                for (int i = 0; i < labels.size() && i < 26; i++) {
                    String key = String.valueOf((char) ('A' + i));
                    String text = mattext(labels.get(i).child("material").orElse(null), "option " + key, id, where)
                            .markdown();
                    options.add(new MultiSelectQuestion.Option(key, text.isBlank() ? "(empty)" : text,
                            correct.contains(labels.get(i).attribute("ident")) ? MultiSelectQuestion.Correctness.TRUE
                                    : MultiSelectQuestion.Correctness.FALSE, null));
                }
                if (options.stream().noneMatch(o -> o.correct() == MultiSelectQuestion.Correctness.TRUE)) {
                    draft.note(null, where, "choice question without a correct answer is not carried over");
                    return;
                }
                // Canvas's multiple answers give partial credit per right option minus per wrong one: net_correct
                MultiSelectScoring rule = type.equals("multiple_answers_question") ? MultiSelectScoring.NET_CORRECT
                        : MultiSelectScoring.ALL_OR_NOTHING;
                draft.add(new MultiSelectQuestion(id, points, promptText, figures, options, rule,
                        MultiSelectScoring.ALL_OR_NOTHING, BigDecimal.valueOf(2), solution));
            }
            case "short_answer_question" -> {
                List<AcceptedAnswer> accept = new ArrayList<>();
                for (Element condition : conditions) {
                    condition.descendants("varequal").forEach(v -> accept.add(ShapeText.accepted(HtmlText.plain(v.text()),
                            draft, id, where)));
                }
                if (accept.isEmpty()) {
                    draft.note(null, where, "short answer without an accepted answer is not carried over");
                    return;
                }
                draft.add(new ShortAnswerQuestion(id, points, promptText, figures, accept, false, List.of(), solution));
            }
            case "numerical_question" -> {
                List<AcceptedAnswer> accept = new ArrayList<>();
                for (Element condition : conditions) {
                    for (Element var : condition.descendants("conditionvar")) {
                        numbers(var, accept);
                    }
                }
                if (accept.isEmpty()) {
                    draft.note(null, where, "numerical question without an answer is not carried over");
                    return;
                }
                draft.add(new ShortAnswerQuestion(id, points, promptText, figures, accept, false, List.of(), solution));
            }
            case "essay_question" -> draft.add(new ShortAnswerQuestion(id, points, promptText, figures, List.of(), true,
                    List.of(), solution));
            default -> draft.note(null, where, "Canvas question type \"" + type + "\" is not carried over: Quizdesk "
                    + "has no such question type");
        }
    }

    /** The response identifiers a scoring condition requires (those under a {@code <not>} are wrong options). */
    private static void positives(Element element, List<String> into) {
        for (Element child : element.children()) {
            if (child.name().equals("varequal")) {
                into.add(child.text().strip());
            } else if (!child.name().equals("not")) {
                positives(child, into);
            }
        }
    }

    /**
     * Canvas writes an exact answer as varequal and a range as vargte/varlte (or vargt/varlt) in one and; with a
     * margin it writes both, and the range already holds the margin.
     */
    private static void numbers(Element conditionVar, List<AcceptedAnswer> into) {
        List<AcceptedAnswer> ranges = new ArrayList<>();
        List<AcceptedAnswer> exact = new ArrayList<>();
        for (Element child : conditionVar.children()) {
            if (child.name().equals("varequal")) {
                BigDecimal value = ImportLimits.decimal(child.text());
                if (value != null) {
                    exact.add(new AcceptedAnswer.Number(value, BigDecimal.ZERO, false));
                }
            } else if (child.name().equals("and")) {
                BigDecimal low = child.children().stream().filter(c -> c.name().startsWith("vargt"))
                        .map(c -> ImportLimits.decimal(c.text())).filter(v -> v != null).findFirst().orElse(null);
                BigDecimal high = child.children().stream().filter(c -> c.name().startsWith("varlt"))
                        .map(c -> ImportLimits.decimal(c.text())).filter(v -> v != null).findFirst().orElse(null);
                if (low != null && high != null) {
                    BigDecimal middle = low.add(high).divide(BigDecimal.valueOf(2));
                    ranges.add(new AcceptedAnswer.Number(middle.stripTrailingZeros(),
                            high.subtract(middle).abs().stripTrailingZeros(), false));
                }
            } else if (child.name().equals("or")) {
                numbers(child, into);
            }
        }
        into.addAll(ranges.isEmpty() ? exact : ranges);
    }

    private SourceText.Text mattext(Element material, String what, String id, String where) {
        if (material == null) {
            return new SourceText.Text("", List.of());
        }
        Element text = material.child("mattext").orElse(null);
        if (text == null) {
            return new SourceText.Text("", List.of());
        }
        boolean html = "text/html".equals(text.attribute("texttype"));
        return SourceText.convert(text.text(), html, what, draft, id, where, images());
    }
}
