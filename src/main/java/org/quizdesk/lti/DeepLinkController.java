package org.quizdesk.lti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.quizdesk.account.ContentSecurityPolicy;
import org.quizdesk.lti.LaunchRefused.Reason;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Deep linking: after a deep-linking launch, course staff pick a quiz; the answer is a page that posts the signed
 * response to the platform's return URL by itself (a script), or by the button when scripts are off.
 */
@Controller
@PreAuthorize("hasAnyRole('TA','INSTRUCTOR')")
class DeepLinkController {

    static final String PICKER = "admin/lti-deep-link";
    static final String RETURN = "admin/lti-deep-link-return";

    private final QuizCatalog catalog;
    private final DeepLinks deepLinks;

    DeepLinkController(QuizCatalog catalog, DeepLinks deepLinks) {
        this.catalog = catalog;
        this.deepLinks = deepLinks;
    }

    @GetMapping("/lti/deep-link")
    String picker(HttpSession session, Model model) {
        request(session);
        return picker(catalog, model);
    }

    /** The picker, with every quiz (hidden ones too: staff link a quiz before publishing it). */
    static String picker(QuizCatalog catalog, Model model) {
        model.addAttribute("quizzes", catalog.all().stream().sorted(Comparator.comparing(CurrentQuiz::id)).toList());
        return PICKER;
    }

    @PostMapping("/lti/deep-link")
    String choose(@Valid DeepLinkChoice choice, BindingResult binding, HttpSession session, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        DeepLinkRequest deepLink = request(session);
        Optional<CurrentQuiz> quiz = binding.hasErrors() ? Optional.empty() : catalog.current(choice.quiz());
        if (quiz.isEmpty()) {
            // nothing chosen, or a quiz removed from the folder meanwhile: the picker again, saying so
            model.addAttribute("choiceMissing", true);
            return picker(session, model);
        }
        session.removeAttribute(DeepLinkRequest.SESSION_ATTRIBUTE);
        return returnPage(deepLinks, deepLink, quiz.get(), "'none'", request, response, model);
    }

    /**
     * The page that posts the signed response naming the quiz (and its line item) to the platform's return URL.
     *
     * @param frameAncestors who may frame the page: {@code 'none'}, or the platform's origins inside its frame
     */
    static String returnPage(DeepLinks deepLinks, DeepLinkRequest deepLink, CurrentQuiz quiz, String frameAncestors,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String quizUrl = ServletUriComponentsBuilder.fromContextPath(request).path("/quizzes/{id}").buildAndExpand(quiz.id())
                .toUriString();
        String jwt = deepLinks.response(deepLink, quiz, quizUrl);
        URI returnUrl = URI.create(deepLink.returnUrl());
        String origin = returnUrl.getScheme() + "://" + returnUrl.getRawAuthority();
        // the app's policy, but its one form may post to the platform's return URL
        response.setHeader("Content-Security-Policy", ContentSecurityPolicy.of(List.of(origin), frameAncestors));
        model.addAttribute("returnUrl", deepLink.returnUrl());
        model.addAttribute("jwt", jwt);
        model.addAttribute("quiz", quiz);
        return RETURN;
    }

    private static DeepLinkRequest request(HttpSession session) {
        if (!(session.getAttribute(DeepLinkRequest.SESSION_ATTRIBUTE) instanceof DeepLinkRequest request)) {
            throw new LaunchRefused(Reason.STATE, "no deep-linking launch in this session");
        }
        return request;
    }
}
