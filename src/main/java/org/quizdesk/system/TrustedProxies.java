package org.quizdesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address and scheme behind the configured proxies, and only behind them: a client that sends its own
 * {@code X-Forwarded-For} to the app directly, or through an untrusted hop, cannot choose the address that sign-in
 * throttling counts. The client is the right-most address of {@code X-Forwarded-For} that is not a trusted proxy
 * (each trusted proxy appends the address it got the request from; everything left of that is the client's word).
 */
class TrustedProxies extends OncePerRequestFilter {

    /** An IPv4 or IPv6 literal, checked before parsing so that a header value never causes a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3})|([0-9a-fA-F:.]*:[0-9a-fA-F:.]*)");

    /** A host name or address literal with an optional port, as X-Forwarded-Host carries it. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9a-fA-F:.]+\\](:\\d{1,5})?");

    private final List<IpAddressMatcher> proxies;

    TrustedProxies(List<String> trusted) {
        this.proxies = trusted.stream().map(String::trim).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isTrusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
        String proto = lastValue(request.getHeaders("X-Forwarded-Proto"));
        String host = lastValue(request.getHeaders("X-Forwarded-Host"));
        chain.doFilter(new Forwarded(request, client, "https".equalsIgnoreCase(proto) ? "https"
                : "http".equalsIgnoreCase(proto) ? "http" : null,
                host != null && HOST.matcher(host).matches() ? host : null), response);
    }

    /** Walks {@code X-Forwarded-For} from the right past trusted proxies; stops at anything that is not an address. */
    String clientAddress(String remoteAddress, Enumeration<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        while (forwardedFor != null && forwardedFor.hasMoreElements()) {
            for (String hop : forwardedFor.nextElement().split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = remoteAddress;
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                break;
            }
            client = hop;
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher proxy : proxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    private static String lastValue(Enumeration<String> values) {
        String last = null;
        while (values != null && values.hasMoreElements()) {
            String[] parts = values.nextElement().split(",");
            last = parts[parts.length - 1].trim();
        }
        return last;
    }

    /**
     * The request as the client sent it to the first proxy: its address, and its scheme and host when a proxy said
     * which; so {@link #getRequestURL} is the URL the browser used (Safe Exam Browser's request hashes cover it).
     */
    private static final class Forwarded extends HttpServletRequestWrapper {
        private final String address;
        private final String scheme;
        private final String host;

        Forwarded(HttpServletRequest request, String address, String scheme, String host) {
            super(request);
            this.address = address;
            this.scheme = scheme;
            this.host = host;
        }

        @Override
        public StringBuffer getRequestURL() {
            String authority = authority();
            if (authority == null) {
                return super.getRequestURL();
            }
            return new StringBuffer(getScheme()).append("://").append(authority).append(getRequestURI());
        }

        /**
         * The host and port the browser used: the proxy's {@code X-Forwarded-Host}, or the {@code Host} header the
         * proxy passed on when it named only the scheme; null when no proxy said either. Redirect URLs built from the
         * request (OpenID Connect, LTI) need it: a TLS-terminating proxy's backend port is not the browser's.
         */
        private String authority() {
            if (host != null) {
                return host;
            }
            return scheme != null ? getHeader("Host") : null;
        }

        /** Where the port starts in an authority ({@code host:port}, {@code [v6]:port}); -1 when it names none. */
        private static int portColon(String authority) {
            int colon = authority.lastIndexOf(':');
            return colon > authority.lastIndexOf(']') ? colon : -1;
        }

        @Override
        public String getServerName() {
            String authority = authority();
            if (authority == null) {
                return super.getServerName();
            }
            int colon = portColon(authority);
            return colon < 0 ? authority : authority.substring(0, colon);
        }

        @Override
        public int getServerPort() {
            String authority = authority();
            if (authority == null) {
                return super.getServerPort();
            }
            int colon = portColon(authority);
            return colon < 0 ? ("https".equals(getScheme()) ? 443 : 80) : Integer.parseInt(authority.substring(colon + 1));
        }

        @Override
        public String getRemoteAddr() {
            return address;
        }

        @Override
        public String getRemoteHost() {
            return address;
        }

        @Override
        public String getScheme() {
            return scheme != null ? scheme : super.getScheme();
        }

        @Override
        public boolean isSecure() {
            return scheme != null ? "https".equals(scheme) : super.isSecure();
        }
    }
}
