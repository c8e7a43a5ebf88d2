package org.hourbill.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the business action a controller method performs ({@code approve}, {@code generate}, {@code void},
 * {@code payment}) as it appears in the audit log. Writes without it are logged too, under their method and path.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {
    String value();
}
