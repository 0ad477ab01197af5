package dev.storefront.order.client;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the bean that is the one way to another service: what its fault-tolerant calls still fail with is translated
 * by {@link RemoteFailures}, in this one place, into what the domain understands.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RemoteService {
    /** The service's name, as clients and logs know it, e.g. {@code cart-service}. */
    @Nonbinding
    String value() default "";
}
