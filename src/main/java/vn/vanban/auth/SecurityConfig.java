package vn.vanban.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Access settings ({@code vanban.security.*}).
 *
 * @param anonymousRead   whether people who have not signed in may search and read (default true; writes always need
 *                        an editor)
 * @param adminUser       the admin account created on first start when there are no users (default {@code admin})
 * @param adminPassword   its password (VANBAN_ADMIN_PASSWORD); when unset a one-time password is generated and printed
 * @param loginAttempts   login attempts allowed per client address per minute (default 10)
 */
@ConfigurationProperties("vanban.security")
public record SecurityConfig(
        @Bindable(defaultValue = "true") boolean anonymousRead,
        @Bindable(defaultValue = "admin") String adminUser,
        @Nullable String adminPassword,
        @Bindable(defaultValue = "10") int loginAttempts) {
}
