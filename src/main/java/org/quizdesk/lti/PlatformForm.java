package org.quizdesk.lti;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The registration form on {@code /admin/lti}. Addresses must be absolute {@code https} URLs ({@code http} only for
 * {@code localhost}, for a platform on the same machine); deployment ids one a line or separated by commas.
 */
public class PlatformForm {

    @NotBlank(message = "{admin.lti.form.issuer.missing}")
    @Size(max = 500, message = "{admin.lti.form.tooLong}")
    private String issuer = "";

    @NotBlank(message = "{admin.lti.form.clientId.missing}")
    @Size(max = 255, message = "{admin.lti.form.tooLong}")
    private String clientId = "";

    @NotBlank(message = "{admin.lti.form.deploymentIds.missing}")
    @Size(max = 4000, message = "{admin.lti.form.tooLong}")
    private String deploymentIds = "";

    @NotBlank(message = "{admin.lti.form.url.missing}")
    @Size(max = 1000, message = "{admin.lti.form.tooLong}")
    private String oidcLoginUrl = "";

    @NotBlank(message = "{admin.lti.form.url.missing}")
    @Size(max = 1000, message = "{admin.lti.form.tooLong}")
    private String tokenUrl = "";

    @NotBlank(message = "{admin.lti.form.url.missing}")
    @Size(max = 1000, message = "{admin.lti.form.tooLong}")
    private String keySetUrl = "";

    /** Off for a new registration: the instructor ticks it after setting the parameter for the whole tool in the LMS. */
    private boolean trustsCustomNetId;

    public static PlatformForm of(Platform platform) {
        PlatformForm form = new PlatformForm();
        form.issuer = platform.issuer();
        form.clientId = platform.clientId();
        form.deploymentIds = String.join("\n", platform.deploymentIds());
        form.oidcLoginUrl = platform.oidcLoginUrl();
        form.tokenUrl = platform.tokenUrl();
        form.keySetUrl = platform.keySetUrl();
        form.trustsCustomNetId = platform.trustsCustomNetId();
        return form;
    }

    @AssertTrue(message = "{admin.lti.form.issuer.url}")
    public boolean isIssuerValid() {
        return issuer.isBlank() || webAddress(issuer);
    }

    @AssertTrue(message = "{admin.lti.form.url.invalid}")
    public boolean isOidcLoginUrlValid() {
        return oidcLoginUrl.isBlank() || webAddress(oidcLoginUrl);
    }

    @AssertTrue(message = "{admin.lti.form.url.invalid}")
    public boolean isTokenUrlValid() {
        return tokenUrl.isBlank() || webAddress(tokenUrl);
    }

    @AssertTrue(message = "{admin.lti.form.url.invalid}")
    public boolean isKeySetUrlValid() {
        return keySetUrl.isBlank() || webAddress(keySetUrl);
    }

    @AssertTrue(message = "{admin.lti.form.deploymentIds.invalid}")
    public boolean isDeploymentIdsValid() {
        return deploymentIdList().stream().allMatch(id -> id.length() <= 255 && id.chars().noneMatch(Character::isWhitespace));
    }

    /** The deployment ids, trimmed, without blanks and repeats. */
    public List<String> deploymentIdList() {
        return Arrays.stream(deploymentIds.split("[,\\n\\r]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Absolute, with a host, https (http only to this machine): keys and tokens must not travel in the clear. */
    static boolean webAddress(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null || uri.getRawUserInfo() != null) {
                return false;
            }
            return scheme.equals("https") || scheme.equals("http") && (host.equals("localhost") || host.equals("127.0.0.1"));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer == null ? "" : issuer.strip();
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId == null ? "" : clientId.strip();
    }

    public String getDeploymentIds() {
        return deploymentIds;
    }

    public void setDeploymentIds(String deploymentIds) {
        this.deploymentIds = deploymentIds == null ? "" : deploymentIds;
    }

    public String getOidcLoginUrl() {
        return oidcLoginUrl;
    }

    public void setOidcLoginUrl(String oidcLoginUrl) {
        this.oidcLoginUrl = oidcLoginUrl == null ? "" : oidcLoginUrl.strip();
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl == null ? "" : tokenUrl.strip();
    }

    public String getKeySetUrl() {
        return keySetUrl;
    }

    public void setKeySetUrl(String keySetUrl) {
        this.keySetUrl = keySetUrl == null ? "" : keySetUrl.strip();
    }

    public boolean isTrustsCustomNetId() {
        return trustsCustomNetId;
    }

    public void setTrustsCustomNetId(boolean trustsCustomNetId) {
        this.trustsCustomNetId = trustsCustomNetId;
    }
}
