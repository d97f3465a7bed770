package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Drawing a student's version: reproducible from the seed, different across seeds, even, and fixed options stay. */
class StudentVersionTest {

    private static final String SHUFFLED = """
            id: t
            title: T
            time_limit: 10m
            shuffle: true
            sections:
              - title: S
                questions:
                  - {id: "1", type: true_false, points: 1, prompt: P1, answer: true}
                  - {id: "2", type: true_false, points: 1, prompt: P2, answer: true}
                  - id: "3"
                    type: multi_select
                    points: 2
                    prompt: Three options
                    options:
                      - {key: A, text: a, correct: true}
                      - {key: B, text: b, correct: false}
                      - {key: C, text: c, correct: true}
                  - id: "4"
                    type: multi_select
                    points: 2
                    prompt: None of the above stays last
                    options:
                      - {key: A, text: a, correct: true}
                      - {key: B, text: b, correct: false}
                      - {key: C, text: c, correct: false}
                      - {key: D, text: none of the above, correct: false, fixed: true}
                  - id: "5"
                    type: group
                    prompt: Stem
                    parts:
                      - {id: "5.1", type: true_false, points: 1, prompt: a, answer: true}
                      - {id: "5.2", type: true_false, points: 1, prompt: b, answer: true}
            """;

    private static final Quiz QUIZ = read(SHUFFLED);

    @Test
    void theSameSeedGivesTheSameVersion() {
        long seed = StudentVersion.newSeed(new SecureRandom());
        assertThat(orders(StudentVersion.of(QUIZ, seed))).isEqualTo(orders(StudentVersion.of(QUIZ, seed)));
        // and so does the same quiz read again (a restart, another node)
        assertThat(orders(StudentVersion.of(read(SHUFFLED), seed))).isEqualTo(orders(StudentVersion.of(QUIZ, seed)));
    }

    @Test
    void differentSeedsGiveDifferentVersions() {
        Set<List<String>> versions = new HashSet<>();
        LongStream.rangeClosed(1, 50).forEach(seed -> versions.add(orders(StudentVersion.of(QUIZ, seed))));
        // 4 items × 3! × 3! orders: fifty seeds land on many of them, not on one
        assertThat(versions).hasSizeGreaterThan(30);
    }

    @Test
    void seedZeroIsTheFilesOrderWithTheFilesKeys() {
        StudentVersion version = StudentVersion.of(QUIZ, StudentVersion.FILE_ORDER);
        assertThat(version.quiz()).isEqualTo(QUIZ);
        assertThat(version.relabels("3")).isFalse();
        assertThat(version.label("3", "C")).isEqualTo("C");
    }

    /**
     * 1,000 seeds from a fixed sequence: each of the 6 orders of a 3-option question comes up about 1000/6 times.
     * Chi-square with 5 degrees of freedom stays below 20.5 (p = 0.001) for a fair shuffle.
     */
    @Test
    void everyOrderOfThreeOptionsAppearsRoughlyEvenly() {
        Map<String, Integer> counts = new HashMap<>();
        SplittableRandom seeds = new SplittableRandom(20261129);
        int draws = 1000;
        for (int i = 0; i < draws; i++) {
            MultiSelectQuestion question = multi(StudentVersion.of(QUIZ, seeds.nextLong()), "3");
            counts.merge(keys(question), 1, Integer::sum);
        }
        assertThat(counts).hasSize(6);
        double expected = draws / 6.0;
        double chiSquare = counts.values().stream().mapToDouble(n -> (n - expected) * (n - expected) / expected).sum();
        assertThat(chiSquare).isLessThan(20.5);
    }

    @Test
    void aFixedOptionNeverMovesAndTheOthersAllTakeEveryPlace() {
        Map<String, Set<Integer>> places = new HashMap<>();
        for (long seed = 1; seed <= 1000; seed++) {
            StudentVersion version = StudentVersion.of(QUIZ, seed);
            List<String> keys = multi(version, "4").options().stream().map(MultiSelectQuestion.Option::key).toList();
            assertThat(keys.get(3)).as("seed %d", seed).isEqualTo("D");
            assertThat(version.label("4", "D")).isEqualTo("D");
            for (int i = 0; i < keys.size(); i++) {
                places.computeIfAbsent(keys.get(i), k -> new HashSet<>()).add(i);
            }
        }
        assertThat(places).containsEntry("A", Set.of(0, 1, 2)).containsEntry("B", Set.of(0, 1, 2))
                .containsEntry("C", Set.of(0, 1, 2)).containsEntry("D", Set.of(3));
    }

    @Test
    void lettersFollowTheStudentsOrderAndKeysAndKeyStayTheFiles() {
        StudentVersion version = StudentVersion.of(QUIZ, 7);
        MultiSelectQuestion question = multi(version, "3");
        assertThat(version.relabels("3")).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(version.label("3", question.options().get(i).key())).isEqualTo(String.valueOf((char) ('A' + i)));
        }
        assertThat(question.options()).extracting(MultiSelectQuestion.Option::key).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(question.option("C").orElseThrow().correct()).isEqualTo(MultiSelectQuestion.Correctness.TRUE);
        assertThat(version.file()).isSameAs(QUIZ);
    }

    @Test
    void aGroupMovesAsAWholeWithItsPartsInOrder() {
        for (long seed = 1; seed <= 200; seed++) {
            List<Item> items = StudentVersion.of(QUIZ, seed).quiz().sections().get(0).items();
            QuestionGroup group = (QuestionGroup) items.stream().filter(i -> i.id().equals("5")).findFirst().orElseThrow();
            assertThat(group.parts()).extracting(Question::id).containsExactly("5.1", "5.2");
            assertThat(items).extracting(Item::id).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        }
    }

    @Test
    void theSeedQuizWithoutShuffleIsTheFileForEverySeed() throws Exception {
        Quiz seedQuiz = QuizFileReader.read(Path.of("quizzes/cse493g1-au24-quiz2.yaml"));
        for (long seed : new long[] {1, -1, 42, Long.MAX_VALUE, StudentVersion.newSeed(new SecureRandom())}) {
            StudentVersion version = StudentVersion.of(seedQuiz, seed);
            assertThat(version.quiz()).isEqualTo(seedQuiz);
            assertThat(seedQuiz.questions()).noneMatch(q -> version.relabels(q.id()));
        }
    }

    @Test
    void lettersGoOnPastZ() {
        assertThat(StudentVersion.letter(0)).isEqualTo("A");
        assertThat(StudentVersion.letter(25)).isEqualTo("Z");
        assertThat(StudentVersion.letter(26)).isEqualTo("AA");
        assertThat(StudentVersion.letter(27)).isEqualTo("AB");
    }

    @Test
    void aNewSeedIsNeverTheFilesOrder() {
        assertThat(LongStream.range(0, 1000).map(i -> StudentVersion.newSeed(new SecureRandom())))
                .doesNotContain(StudentVersion.FILE_ORDER);
    }

    /** The version's orders as one list: item ids of the section, then each multi_select's option keys. */
    private static List<String> orders(StudentVersion version) {
        List<String> items = version.quiz().sections().get(0).items().stream().map(Item::id).toList();
        return List.of(String.join(",", items), keys(multi(version, "3")), keys(multi(version, "4")));
    }

    private static String keys(MultiSelectQuestion question) {
        return String.join("", question.options().stream().map(MultiSelectQuestion.Option::key).toList());
    }

    private static MultiSelectQuestion multi(StudentVersion version, String id) {
        return (MultiSelectQuestion) version.quiz().question(id).orElseThrow();
    }

    private static Quiz read(String yaml) {
        try {
            return QuizFileReader.read("quizzes/t.yaml", yaml);
        } catch (QuizFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
