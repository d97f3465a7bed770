package org.quizdesk.attempt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The quiz page's questions as HTML, rendered once per student sheet and language while nothing is filled in. At a
 * class's start every student opens the page with no answers, and rendering pages was the largest part of the
 * processor's work while 10,000 students started within a minute (docs/benchmarks.md). A page with answers is
 * rendered whole, as before.
 * Only for a sheet every student of its version shares ({@link QuizSheets#sameForEveryStudent}), compared by
 * identity: a quiz version's sheet lives as long as its cache keeps it, and its HTML goes with it.
 */
@Component
class QuizPageSections {

    private static final String TEMPLATE = "fragments/quiz-sections";

    private final Cache<QuizSheet, Map<Locale, String>> rendered = Caffeine.newBuilder().weakKeys().maximumSize(200).build();
    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final ConversionService conversions;

    QuizPageSections(ITemplateEngine templates, ApplicationContext application, @Qualifier("mvcConversionService") ConversionService conversions) {
        this.templates = templates;
        this.application = application;
        this.conversions = conversions;
    }

    /** The sections of a page with nothing filled in ({@code blank}, as the page's own fragment takes it). */
    String blank(QuizSheet sheet, FormAnswers.Prefill blank, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (!blank.isEmpty()) {
            throw new IllegalArgumentException("a page with answers is rendered with them");
        }
        return rendered.get(sheet, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(locale, language -> render(sheet, blank, language, request, response));
    }

    private String render(QuizSheet sheet, FormAnswers.Prefill blank, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        // a web context, for links (figures) built as the page's own are; the MVC conversions, for points as pages show them
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, conversions));
        context.setVariable("sheet", sheet);
        context.setVariable("prefill", blank);
        return templates.process(TEMPLATE, Set.of("sections"), context);
    }
}
