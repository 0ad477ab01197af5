package dev.storefront.order.client;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;

/**
 * Translates what a call to another service fails with once its timeout, retries and circuit breaker are done: a
 * timeout, an open circuit, a refused connection or a 5xx all mean the service is unavailable right now
 * ({@link DependencyUnavailableException}, naming it); a 4xx is its answer ({@link RejectedException}) and passes
 * through for the bean's caller to act on.
 *
 * <p>It runs outside SmallRye Fault Tolerance's interceptor (priority {@code PLATFORM_AFTER + 10}), so it sees only
 * the final outcome, never an attempt that a retry may still repair; for a non-blocking call, the outcome of its
 * {@link Uni}.
 */
@RemoteService
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RemoteFailures {
    @AroundInvoke
    Object translate(InvocationContext call) throws Exception {
        try {
            Object result = call.proceed();
            // A non-blocking call fails later, in its Uni: the same translation, applied there.
            return result instanceof Uni<?> pending
                    ? pending.onFailure().transform(failure -> translate(failure, call))
                    : result;
        } catch (RuntimeException e) {
            throw translate(e, call);
        }
    }

    private static RuntimeException translate(Throwable failure, InvocationContext call) {
        if (failure instanceof RejectedException rejected) {
            return rejected;
        }
        if (failure instanceof WebApplicationException answered) {
            return new DependencyUnavailableException(
                    service(call) + " answered " + answered.getResponse().getStatus(), answered);
        }
        return new DependencyUnavailableException(service(call) + " is unavailable", failure);
    }

    private static String service(InvocationContext call) {
        return call.getInterceptorBinding(RemoteService.class).value();
    }
}
