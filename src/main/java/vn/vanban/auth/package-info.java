/** Users, roles, sessions, API tokens, CSRF checks, sign-in rate limit and the audit trail (Micronaut Security). */
package vn.vanban.auth;
