package org.quizdesk.lti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.lti.LaunchRefused.Reason;
import org.quizdesk.quiz.CurrentQuiz;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The quiz picker of a deep-linking launch inside the LMS's frame ({@link LaunchController} shows it): no session and
 * no CSRF token there (the frame's cookies are third-party); the form's ticket is the proof instead, made by this tool
 * for one instructor's pending request, short-lived and used once ({@link DeepLinkTickets}).
 */
@Controller
class FramedDeepLinkController {

    static final String PICK_PATH = "/lti/deep-link/framed";

    private final DeepLinkTickets tickets;
    private final DeepLinks deepLinks;
    private final QuizCatalog catalog;
    private final AccountService accounts;
    private final LtiProperties properties;

    FramedDeepLinkController(DeepLinkTickets tickets, DeepLinks deepLinks, QuizCatalog catalog, AccountService accounts,
            LtiProperties properties) {
        this.properties = properties;
        this.tickets = tickets;
        this.deepLinks = deepLinks;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @PostMapping(PICK_PATH)
    String choose(@RequestParam(required = false) String ticket, @Valid DeepLinkChoice choice, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        DeepLinkTickets.Ticket live = tickets.find(ticket).orElseThrow(() -> refused(ticket, response));
        // the ticket named a staff account at the launch; a role taken away or an account disabled since counts now
        Optional<Account> account = accounts.find(live.accountId()).filter(Account::enabled);
        if (account.isEmpty() || !account.get().role().isStaff()) {
            LaunchController.allowFramingBy(response, live.frameAncestors());
            throw account.isEmpty() ? new LaunchRefused(Reason.DISABLED, "account " + live.accountId())
                    : new LaunchRefused(Reason.NOT_STAFF, account.get().username());
        }
        Optional<CurrentQuiz> quiz = binding.hasErrors() ? Optional.empty() : catalog.current(choice.quiz());
        if (quiz.isEmpty()) {
            // nothing chosen, or a quiz removed from the folder meanwhile: the picker again, the ticket still unused
            model.addAttribute("choiceMissing", true);
            return picker(ticket, live.frameAncestors(), properties, request, response, model, catalog);
        }
        // used here, not before: of two posts of one ticket at once, one answers the platform
        tickets.take(ticket).orElseThrow(() -> refused(ticket, response));
        return DeepLinkController.returnPage(deepLinks, live.request(), quiz.get(), live.frameAncestors(), request, response, model);
    }

    /** A reload of the page after the pick, or the address typed: there is no picker to show without a launch. */
    @GetMapping(PICK_PATH)
    String chooseAgain() {
        throw new LaunchRefused(Reason.DEEP_LINK_TICKET, "GET");
    }

    /** The framed picker: only the platform's origins may frame it; its form posts the ticket, and no CSRF token. */
    static String picker(String ticket, String frameAncestors, LtiProperties properties, HttpServletRequest request,
            HttpServletResponse response, Model model, QuizCatalog catalog) {
        LaunchController.allowFramingBy(response, frameAncestors);
        model.addAttribute("ticket", ticket);
        model.addAttribute("validForMinutes", Math.max(1, properties.deepLinkTicketValidFor().toMinutes()));
        model.addAttribute("pickUrl", request.getContextPath() + PICK_PATH);
        return DeepLinkController.picker(catalog, model);
    }

    /** Refused; inside the platform's frame when the ticket is one this tool made, so that the instructor sees why. */
    private LaunchRefused refused(String ticket, HttpServletResponse response) {
        tickets.frameAncestorsOf(ticket).ifPresent(ancestors -> LaunchController.allowFramingBy(response, ancestors));
        return new LaunchRefused(Reason.DEEP_LINK_TICKET, "unknown, used or expired");
    }
}
