package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuizMarkdownTest {

    final QuizMarkdown markdown = new QuizMarkdown();

    @Test
    void mathIsLeftForKatexEvenWhereMarkdownWouldSeeEmphasis() {
        String html = markdown.html("Let $A_1$ and $A_2$ be maps of size $W \\times H$, with *emphasis*.");
        assertThat(html).contains("$A_1$ and $A_2$").contains("$W \\times H$").contains("<em>emphasis</em>");
    }

    @Test
    void displayMathSurvivesWhole() {
        String html = markdown.html("Therefore:\n\n$$B_2 = (2A_1 - 2\\mu_1)/(2\\sigma_1)$$\n\nDone.");
        assertThat(html).contains("$$B_2 = (2A_1 - 2\\mu_1)/(2\\sigma_1)$$");
    }

    @Test
    void rawHtmlInAQuizFileIsShownAsTextAndMathIsEscaped() {
        assertThat(markdown.html("<img src=x onerror=alert(1)> and $a<b$"))
                .doesNotContain("<img").contains("&lt;img").contains("$a&lt;b$");
    }

    @Test
    void aLoneDollarAmountIsNotMath() {
        assertThat(markdown.html("It costs $5 and $6.")).contains("It costs $5 and $6.");
    }

    @Test
    void aTextSpellingTheMathPlaceholderIsShownAsTyped() {
        assertThat(markdown.html("Please ignore QZMATH0QZ")).contains("Please ignore QZMATH0QZ");
        assertThat(markdown.html("See $x<y$, QZMATH0QZ, QZMATH5QZ and &#81;ZMATH0QZ."))
                .contains("See $x&lt;y$, QZMATH0QZ, QZMATH5QZ and QZMATH0QZ.");
    }

    @Test
    void inlineRenderingDropsTheParagraph() {
        assertThat(markdown.inlineHtml("Momentum *can* help")).isEqualTo("Momentum <em>can</em> help");
        assertThat(markdown.html(null)).isEmpty();
    }
}
