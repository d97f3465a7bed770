package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quizdesk.attempt.StudentQuizRow;

/**
 * Every message key the templates and the Java code use is in messages.properties, and every key of a student page
 * is also in messages_de.properties: a missing key would show as "??key_de??" on a page.
 */
class MessageBundleTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path JAVA = Path.of("src/main/java");
    /** The pages students see (and the fragments on them); staff pages (admin/) are in English only. */
    static final Set<String> STUDENT_TEMPLATES = Set.of("fragments/layout.html", "fragments/figures.html", "error.html", "signin.html",
            "account/setup-password.html", "attempt/list.html", "attempt/start.html", "attempt/take.html", "attempt/confirm.html",
            "attempt/review.html", "lti-refused.html");

    /** #{key}, #{key(args)} and #messages.msg('key') in a template. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)|#messages\\.msg\\('([\\w.]+)'");
    /** A string literal in Java that may name a key ("attempt.refused.notOpen", or "{setup.code.missing}" in a constraint). */
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"\\{?([a-z]+(?:\\.[A-Za-z]\\w*)+)}?\"");

    @Test
    void everyKeyTheTemplatesUseIsInTheEnglishBundle() throws IOException {
        Properties english = bundle("messages.properties");
        Map<String, Set<String>> used = templateKeys(path -> true);
        used.values().forEach(keys -> keys.removeIf(english::containsKey));
        used.values().removeIf(Set::isEmpty);
        assertThat(used).as("keys used in templates but missing in messages.properties").isEmpty();
    }

    @Test
    void everyKeyAStudentPageUsesIsInTheGermanBundle() throws IOException {
        Properties german = bundle("messages_de.properties");
        Map<String, Set<String>> used = templateKeys(path -> STUDENT_TEMPLATES.contains(path));
        for (Set<String> keys : used.values()) {
            keys.addAll(german.stringPropertyNames().stream().filter(k -> k.startsWith("js.")).toList());
        }
        used.values().forEach(keys -> keys.removeIf(german::containsKey));
        used.values().removeIf(Set::isEmpty);
        assertThat(used).as("keys used on student pages but missing in messages_de.properties").isEmpty();
    }

    @Test
    void theQuizListHasAStateLabelForEveryStateInBothLanguages() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_de.properties"}) {
            Properties bundle = bundle(file);
            assertThat(Arrays.stream(StudentQuizRow.State.values()).map(s -> "list.state." + s.name()))
                    .as(file).allMatch(bundle::containsKey);
        }
        assertThat(templateText("attempt/list.html")).contains("#{${'list.state.' + row.state().name()}}");
    }

    @Test
    void everyKeyTheJavaCodeNamesIsInTheEnglishBundleAndTheStudentsOnesInGerman() throws IOException {
        Properties english = bundle("messages.properties");
        Properties german = bundle("messages_de.properties");
        // named with a suffix chosen at run time: SignInAnswers' "signin.refused." + the refusal's reason
        for (String reason : new String[] {"device", "network", "account", "busy"}) {
            assertThat(english).containsKey("signin.refused." + reason);
            assertThat(german).containsKey("signin.refused." + reason);
        }
        Set<String> groups = new TreeSet<>();
        english.stringPropertyNames().forEach(k -> groups.add(k.substring(0, k.indexOf('.') + 1)));
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = JAVA_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    String candidate = literal.group(1);
                    // "attempt.refused.notOpen": in a group of the bundle; "quizdesk.attempts.grace" is not
                    if (groups.stream().anyMatch(candidate::startsWith)) {
                        named.add(candidate);
                    }
                }
            }
        }
        assertThat(named).as("message keys named in src/main/java").contains("attempt.refused.notOpen", "setup.code.missing");
        assertThat(named).as("keys named in Java but missing in messages.properties").allMatch(english::containsKey);
        assertThat(named).filteredOn(k -> !k.startsWith("admin.")).as("students' keys missing in messages_de.properties")
                .allMatch(german::containsKey);
    }

    @Test
    void theGermanBundleHasOnlyKeysTheEnglishOneHasAndNoStaffPages() throws IOException {
        Properties english = bundle("messages.properties");
        Properties german = bundle("messages_de.properties");
        assertThat(german.stringPropertyNames()).as("German keys without an English text").allMatch(english::containsKey)
                .noneMatch(k -> k.startsWith("admin."));
    }

    /** In a text with arguments, MessageFormat drops a single apostrophe ("the file's {0}" would lose it): write ''. */
    @Test
    void textsWithArgumentsDoubleTheirApostrophes() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_de.properties"}) {
            Map<String, String> wrong = new TreeMap<>();
            bundle(file).forEach((key, value) -> {
                String text = (String) value;
                if (!key.toString().startsWith("js.") && text.matches("(?s).*\\{\\d.*") && text.replace("''", "").contains("'")) {
                    wrong.put(key.toString(), text);
                }
            });
            assertThat(wrong).as(file).isEmpty();
        }
    }

    /** A text with arguments is a MessageFormat pattern: one that does not parse fails on the page, not here. */
    @Test
    void textsWithArgumentsAreValidMessageFormats() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_de.properties"}) {
            Map<String, String> broken = new TreeMap<>();
            bundle(file).forEach((key, value) -> {
                String text = (String) value;
                if (!key.toString().startsWith("js.") && text.matches("(?s).*\\{\\d.*")) {
                    try {
                        new MessageFormat(text, Locale.GERMAN).format(new Object[] {1, 2, 3});
                    } catch (IllegalArgumentException e) {
                        broken.put(key.toString(), e.getMessage());
                    }
                }
            });
            assertThat(broken).as(file).isEmpty();
        }
    }

    static Properties bundle(String name) throws IOException {
        Properties bundle = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        return bundle;
    }

    static String templateText(String path) throws IOException {
        return Files.readString(TEMPLATES.resolve(path));
    }

    /** The keys each template uses, by template path ("attempt/list.html"). */
    private static Map<String, Set<String>> templateKeys(java.util.function.Predicate<String> which) throws IOException {
        Map<String, Set<String>> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String path = TEMPLATES.relativize(file).toString().replace('\\', '/');
                if (!which.test(path)) {
                    continue;
                }
                Set<String> found = new TreeSet<>();
                Matcher key = TEMPLATE_KEY.matcher(Files.readString(file));
                while (key.find()) {
                    found.add(key.group(1) != null ? key.group(1) : key.group(2));
                }
                keys.put(path, found);
            }
        }
        assertThat(keys).as("templates read").isNotEmpty();
        return keys;
    }
}
