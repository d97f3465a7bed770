package org.quizdesk.lti;

/** The claim names and values of LTI 1.3 Core, Deep Linking 2.0, AGS 2.0 and NRPS 2.0 that Quizdesk reads or writes. */
public final class LtiClaims {

    public static final String MESSAGE_TYPE = "https://purl.imsglobal.org/spec/lti/claim/message_type";
    public static final String VERSION = "https://purl.imsglobal.org/spec/lti/claim/version";
    public static final String DEPLOYMENT_ID = "https://purl.imsglobal.org/spec/lti/claim/deployment_id";
    public static final String TARGET_LINK_URI = "https://purl.imsglobal.org/spec/lti/claim/target_link_uri";
    public static final String RESOURCE_LINK = "https://purl.imsglobal.org/spec/lti/claim/resource_link";
    public static final String ROLES = "https://purl.imsglobal.org/spec/lti/claim/roles";
    public static final String CONTEXT = "https://purl.imsglobal.org/spec/lti/claim/context";
    public static final String CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom";
    public static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public static final String CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    public static final String DEEP_LINKING_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";

    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    public static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";
    public static final String LTI_VERSION = "1.3.0";

    /** The custom parameter a deep link sets on the quizzes it creates; a hand-made link may set it too. */
    public static final String CUSTOM_QUIZ = "quiz";

    private LtiClaims() {
    }
}
