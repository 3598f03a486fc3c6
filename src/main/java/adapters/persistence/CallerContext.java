package adapters.persistence;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;

/**
 * The Vert.x context (event loop) a caller of an asynchronous store was on, so that its stage completes there:
 * the caller's continuation (encoding a reply, writing it out) then runs on its own I/O thread, in order, and
 * never on the thread that commits for everyone. A caller that was on no Vert.x context is completed directly.
 */
final class CallerContext {

    private final Context context;

    private CallerContext(Context context) {
        this.context = context;
    }

    static CallerContext capture() {
        return new CallerContext(Vertx.currentContext());
    }

    <T> void complete(CompletableFuture<T> future, T value, Throwable failure) {
        if (context == null) {
            finish(future, value, failure);
        } else {
            context.runOnContext(ignored -> finish(future, value, failure));
        }
    }

    private static <T> void finish(CompletableFuture<T> future, T value, Throwable failure) {
        if (failure == null) {
            future.complete(value);
        } else {
            future.completeExceptionally(failure);
        }
    }
}
