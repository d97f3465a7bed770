package org.quizdesk.lti;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.ContentSecurityPolicy;
import org.quizdesk.account.PlatformSignIn;
import org.quizdesk.lti.LaunchRefused.Reason;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The platform-facing endpoints: the tool's key set, the login initiation and the launch. The login and the launch
 * arrive as cross-site form posts, so they are exempt from CSRF tokens; state (with its cookie), nonce and the
 * platform's signature protect them instead.
 */
@Controller
class LaunchController {

    /** One cookie per login in flight (two tabs may launch at once); sent back only with the launch's post. */
    static final String STATE_COOKIE = "quizdesk-lti-";
    static final String LAUNCH_PATH = "/lti/launch";
    static final String OPEN_PATH = "/lti/open";
    static final String FRAMED_PAGE = "lti-framed";
    private static final Pattern QUIZ_LINK = Pattern.compile("/quizzes/([A-Za-z0-9._-]+)/?$");
    private static final String LAUNCH_PRESENTATION = "https://purl.imsglobal.org/spec/lti/claim/launch_presentation";
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private final Launches launches;
    private final LaunchAccounts launchAccounts;
    private final PlatformSignIn signIn;
    private final ToolKeys keys;
    private final QuizCatalog catalog;
    private final LtiProperties properties;
    private final ScorePassback passback;
    private final LaunchHandoffs handoffs;
    private final AccountService accounts;
    private final DeepLinkTickets deepLinkTickets;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LaunchController(Launches launches, LaunchAccounts launchAccounts, PlatformSignIn signIn, ToolKeys keys, QuizCatalog catalog,
            LtiProperties properties, ScorePassback passback, LaunchHandoffs handoffs, AccountService accounts,
            DeepLinkTickets deepLinkTickets) {
        this.deepLinkTickets = deepLinkTickets;
        this.handoffs = handoffs;
        this.accounts = accounts;
        this.launches = launches;
        this.launchAccounts = launchAccounts;
        this.signIn = signIn;
        this.keys = keys;
        this.catalog = catalog;
        this.properties = properties;
        this.passback = passback;
    }

    /** JSON whatever the Accept header asks for: platforms send {@code application/jwk-set+json}, browsers HTML. */
    @GetMapping("/lti/jwks")
    ResponseEntity<String> keySet() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(keys.publicKeySet().toString(true));
    }

    @RequestMapping(value = "/lti/login", method = {RequestMethod.GET, RequestMethod.POST})
    String login(@Valid LoginInitiation initiation, BindingResult binding, HttpServletRequest request, HttpServletResponse response) {
        if (binding.hasErrors()) {
            throw new LaunchRefused(Reason.LOGIN_REQUEST, binding.getFieldErrors().toString());
        }
        String launchUrl = ServletUriComponentsBuilder.fromContextPath(request).path(LAUNCH_PATH).toUriString();
        Launches.LoginRedirect redirect = launches.initiate(initiation.request(), launchUrl);
        // SameSite=None: the launch comes back as a cross-site form post from the platform, and must bring this cookie
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(STATE_COOKIE + redirect.state(), redirect.state())
                .path(request.getContextPath() + LAUNCH_PATH).maxAge(properties.loginValidFor()).httpOnly(true).secure(true)
                .sameSite("None").build().toString());
        return "redirect:" + redirect.location();
    }

    @PostMapping(LAUNCH_PATH)
    String launch(LaunchForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (form.error() != null) {
            throw new LaunchRefused(Reason.PLATFORM_ERROR, form.error() + ": " + form.errorDescription());
        }
        String browserState = browserState(request, form.state());
        if (browserState != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(STATE_COOKIE + form.state(), "")
                    .path(request.getContextPath() + LAUNCH_PATH).maxAge(0).httpOnly(true).secure(true).sameSite("None").build().toString());
        }
        Launch launch = launches.launch(form.idToken(), form.state(), browserState);
        Account account = launchAccounts.accountOf(launch);
        if (launch.deepLinking() && !account.role().isStaff()) {
            throw new LaunchRefused(Reason.NOT_STAFF, account.username());
        }
        String landing = "/lti/deep-link";
        if (launch.deepLinking() && framed(request, launch)) {
            // no session in the frame (its cookies are third-party): the picker's form carries the request as a ticket
            String ancestors = String.join(" ", frameAncestors(launch));
            String ticket = deepLinkTickets.issue(deepLinkRequest(launch), account.id(), ancestors);
            return FramedDeepLinkController.picker(ticket, ancestors, properties, request, response, model, catalog);
        }
        if (!launch.deepLinking()) {
            String quizId = quizOf(launch);
            passback.launched(launch, quizId, account.id());
            // built here from the id alone: a target link never redirects anywhere else
            landing = account.role().isStaff() ? "/admin/quizzes/" + quizId + "/results" : "/quizzes/" + quizId;
            if (framed(request, launch)) {
                // no sign-in in the frame: its cookies are third-party; the new tab signs in with the code
                allowFramingBy(response, String.join(" ", frameAncestors(launch)));
                model.addAttribute("code", handoffs.handOff(account.id(), landing));
                model.addAttribute("openUrl", request.getContextPath() + OPEN_PATH);
                model.addAttribute("quiz", catalog.current(quizId).orElseThrow().quiz());
                model.addAttribute("staff", account.role().isStaff());
                model.addAttribute("validForMinutes", Math.max(1, properties.handoffValidFor().toMinutes()));
                return FRAMED_PAGE;
            }
        }
        signInAs(account, request, response);
        if (launch.deepLinking()) {
            request.getSession().setAttribute(DeepLinkRequest.SESSION_ATTRIBUTE, deepLinkRequest(launch));
        }
        return "redirect:" + landing;
    }

    private static DeepLinkRequest deepLinkRequest(Launch launch) {
        return new DeepLinkRequest(launch.platform().id(), launch.deploymentId(), launch.deepLinkReturnUrl(), launch.deepLinkData());
    }

    /** The framed launch's new tab: signed in as the launched person, whoever this browser was signed in as before. */
    @PostMapping(OPEN_PATH)
    String open(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response) {
        if (!fromOwnPage(request)) {
            throw new LaunchRefused(Reason.CROSS_SITE, String.valueOf(request.getHeader(HttpHeaders.ORIGIN)));
        }
        LaunchHandoffs.Handoff handoff = handoffs.take(code).orElseThrow(() -> new LaunchRefused(Reason.HANDOFF, "unknown, used or expired"));
        Account account = accounts.find(handoff.accountId()).filter(Account::enabled)
                .orElseThrow(() -> new LaunchRefused(Reason.DISABLED, "account " + handoff.accountId()));
        signInAs(account, request, response);
        return "redirect:" + handoff.landing();
    }

    /**
     * Whether the post comes from Quizdesk's own page (the framed launch's button). The address is free of CSRF's token,
     * which the frame's page cannot have without a session; without this check any site could post an attacker's code
     * and sign a visitor in as the attacker. The browser's {@code Sec-Fetch-Site}, else the {@code Origin}, tells.
     */
    static boolean fromOwnPage(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin == null || origin.equals(ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).build().toUriString());
    }

    /** A reload of the new tab, or the address typed: the code is gone by then. */
    @GetMapping(OPEN_PATH)
    String openAgain() {
        throw new LaunchRefused(Reason.HANDOFF, "GET");
    }

    /**
     * Inside the platform's frame: what the browser says of the request ({@code Sec-Fetch-Dest}), else what the
     * platform says of the launch ({@code launch_presentation.document_target}).
     */
    static boolean framed(HttpServletRequest request, Launch launch) {
        String destination = request.getHeader("Sec-Fetch-Dest");
        if (destination != null) {
            return destination.equals("iframe") || destination.equals("frame");
        }
        return "iframe".equals(Launches.text(Launches.map(launch.claims().get(LAUNCH_PRESENTATION)).get("document_target")));
    }

    /** This page (and no other) may be framed by these origins: the app's policy with their {@code frame-ancestors}. */
    static void allowFramingBy(HttpServletResponse response, String frameAncestors) {
        response.setHeader("Content-Security-Policy", ContentSecurityPolicy.of(List.of(), frameAncestors));
    }

    /**
     * The origins that may frame the hand-off page and the framed quiz picker: the registered platform's addresses, and
     * the course's own (the signed token's {@code return_url} and deep-linking return URL; Canvas's courses live on
     * another host than its issuer and login URL).
     */
    static Set<String> frameAncestors(Launch launch) {
        Set<String> origins = new LinkedHashSet<>();
        Platform platform = launch.platform();
        Stream.of(platform.issuer(), platform.oidcLoginUrl(), platform.tokenUrl(), platform.keySetUrl(),
                        Launches.text(Launches.map(launch.claims().get(LAUNCH_PRESENTATION)).get("return_url")),
                        launch.deepLinkReturnUrl())
                .map(LaunchController::origin).flatMap(Optional::stream).forEach(origins::add);
        return origins.isEmpty() ? Set.of("'none'") : origins;
    }

    private static Optional<String> origin(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url);
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            // nothing but scheme, host and port reaches the header
            return ORIGIN.matcher(origin).matches() && uri.getRawUserInfo() == null ? Optional.of(origin.toLowerCase(Locale.ROOT))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The quiz the link names: its custom parameter {@code quiz}, else a target link ending in {@code /quizzes/<id>}. */
    private String quizOf(Launch launch) {
        String quizId = Launches.customText(launch, LtiClaims.CUSTOM_QUIZ)
                .or(() -> Optional.ofNullable(launch.targetLinkUri()).map(QUIZ_LINK::matcher).filter(Matcher::find).map(m -> m.group(1)))
                .orElseThrow(() -> new LaunchRefused(Reason.NO_QUIZ, "link names no quiz: " + launch.targetLinkUri()));
        if (catalog.current(quizId).isEmpty()) {
            throw new LaunchRefused(Reason.NO_QUIZ, quizId);
        }
        return quizId;
    }

    /** A fresh session for the launched person, whoever this browser was signed in as before. */
    private void signInAs(Account account, HttpServletRequest request, HttpServletResponse response) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signIn.authenticate(account.id()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static String browserState(HttpServletRequest request, String state) {
        if (state == null || request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies()).filter(c -> c.getName().equals(STATE_COOKIE + state)).map(Cookie::getValue)
                .findFirst().orElse(null);
    }
}
