/**
 * The LTI module's tables: registered platforms, the tool's keys, logins in flight, account links, launch hand-offs and deep-linking tickets; their rows and
 * repositories. Private to {@code lti}; the rest of the app sees the records of {@code org.quizdesk.lti}.
 */
package org.quizdesk.lti.internal;
