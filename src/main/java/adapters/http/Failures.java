package adapters.http;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import usecase.account.LoginThrottledException;

/**
 * Which failures are the database's temporary trouble rather than a bug, judged by exception type and
 * SQLSTATE (never by message text): those are 503 with Retry-After, and the request may succeed later.
 */
public final class Failures {

    public static final String CHALLENGE = "Basic realm=\"sinus\", Bearer realm=\"sinus\"";
    public static final String UNAUTHENTICATED = "Send valid credentials: HTTP Basic or a bearer token.";

    /**
     * SQLSTATEs of an unavailable or overloaded database: 08 connection exceptions, 57P0x server shutting
     * down, 53 insufficient resources (disk full, too many connections), 40001/40P01 serialisation failure and
     * deadlock, 55P03 lock not available, HYT00 lock timeout (H2), and H2's own codes for a database that is
     * closed, cannot write its file or is locked by another process (90098, 90121, 90028, 90031, 90007, 90020).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "HYT00", "HYT01",
            "90098", "90121", "90028", "90031", "90007", "90020");

    /** H2's storage layer: whatever it throws is its file's trouble (a failed write, a closed store), never the request's. */
    private static final String H2_STORAGE_FAILURE = "org.h2.mvstore.MVStoreException";

    private Failures() {
    }

    /**
     * The {@code WWW-Authenticate} challenge of a 401, or null for the dashboard's own requests (those carrying
     * {@value SessionCookies#CSRF_HEADER}): a Basic challenge would make the browser ask in its own dialog.
     */
    public static String challengeFor(String csrfHeader) {
        return csrfHeader == null ? CHALLENGE : null;
    }

    public static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            if (fromThePool(t)) {
                return true; // no connection could be had in time, or the pool is closed: never a bug of the request
            }
            if (isLockTimeout(t) || t.getClass().getName().equals(H2_STORAGE_FAILURE)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (databaseUnreachable(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The connection pool (Agroal) reports its own failures as plain SQLExceptions without a SQLSTATE: told
     * apart from the drivers' by that, and by being thrown from the pool's package.
     */
    private static boolean fromThePool(Throwable t) {
        if (t.getClass() != SQLException.class || ((SQLException) t).getSQLState() != null) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("io.agroal.pool.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.startsWith("53")
                || TRANSIENT_STATES.contains(state));
    }

    private static boolean isLockTimeout(Throwable t) {
        return t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.QueryTimeoutException;
    }

    /**
     * A value the database refused to store (SQLSTATE class 22: too long, out of range). Input validation
     * should have refused it first; this keeps a gap in it a 422 rather than a 500.
     */
    public static boolean valueNotStorable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A row refers to one that is gone (SQLSTATE 23503; H2's 23506, "parent missing"): its owner was deleted while
     * the request ran.
     */
    public static boolean referencedRowGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("23503".equals(sql.getSQLState()) || "23506".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public static long retryAfterSeconds(LoginThrottledException e) {
        return Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    }
}
