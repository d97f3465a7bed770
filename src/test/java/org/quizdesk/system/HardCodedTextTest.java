package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

/**
 * No words written into a template (petclinic's approach): every text a page shows comes through a {@code #{…}}
 * message key. A text node with letters counts unless an element around it replaces its content (th:text, th:utext),
 * and so do the attributes people read (title, aria-label, placeholder, alt, and the value of an input shown as a button).
 */
class HardCodedTextTest {

    /** Words that are the same in every language. */
    private static final Set<String> ALLOWED = Set.of("Quizdesk");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Set<String> READ_ATTRIBUTES = Set.of("title", "aria-label", "placeholder", "alt", "label");
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");

    @Test
    void templatesHaveNoTextOutsideMessageKeys() throws IOException, ParseException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MessageBundleTest.TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Document page = new DOMMarkupParser(ParseConfiguration.htmlConfiguration())
                        .parse(file.toString(), new StringReader(Files.readString(file)));
                String name = MessageBundleTest.TEMPLATES.relativize(file).toString();
                collect(page, name, false, found);
            }
        }
        assertThat(found).as("hard-coded text in templates (use #{…} keys in messages.properties)").isEmpty();
    }

    @Test
    void theCheckFindsAWordOutsideAKeyAndAcceptsOneInside() throws ParseException {
        List<String> found = new ArrayList<>();
        Document page = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse("test", new StringReader("""
                <section><h1 th:text="#{x.title}">Title</h1><p>Written in</p><button title="Hover text" th:text="#{x.go}">Go</button>
                <input type="submit" value="Send"><input type="text" value="typed"><button name="next" value="submit" th:text="#{x.next}">Next</button>
                <span> · </span></section>"""));
        collect(page, "test", false, found);
        assertThat(found).hasSize(3).anyMatch(f -> f.contains("Written in")).anyMatch(f -> f.contains("Hover text"))
                .anyMatch(f -> f.contains("Send"));
    }

    private static void collect(INestableNode parent, String file, boolean replaced, List<String> found) {
        for (INode node : parent.getChildren()) {
            if (node instanceof Text text && !replaced && hasWords(text.getContent())) {
                found.add(file + ":" + text.getLine() + ": \"" + text.getContent().strip() + "\"");
            } else if (node instanceof Element element) {
                String name = element.getElementName().toLowerCase();
                // what is outside a page's section is dropped by the layout (th:replace); scripts and styles are not text
                if (name.equals("head") || name.equals("script") || name.equals("style")) {
                    continue;
                }
                for (var attribute : element.getAttributeMap().entrySet()) {
                    String attributeName = attribute.getKey().toLowerCase();
                    boolean read = READ_ATTRIBUTES.contains(attributeName) || (attributeName.equals("value") && isButton(element));
                    if (read && hasWords(attribute.getValue())) {
                        found.add(file + ":" + element.getLine() + ": " + attributeName + "=\"" + attribute.getValue() + "\"");
                    }
                }
                boolean replaces = element.getAttributeMap().keySet().stream().anyMatch(REPLACING::contains);
                collect(element, file, replaced || replaces, found);
            }
        }
    }

    /** An input shown as a button shows its value (a <button>'s value is sent, not shown). */
    private static boolean isButton(Element element) {
        String type = String.valueOf(element.getAttributeValue("type")).toLowerCase();
        return element.getElementName().equalsIgnoreCase("input") && Set.of("submit", "button", "reset").contains(type);
    }

    private static boolean hasWords(String text) {
        String rest = text;
        for (String word : ALLOWED) {
            rest = rest.replace(word, "");
        }
        return LETTER.matcher(rest).find();
    }
}
