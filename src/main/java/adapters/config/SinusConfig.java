package adapters.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sinus's own settings (see the configuration table in the README). */
@ConfigMapping(prefix = "sinus")
public interface SinusConfig {

    /** Directory of the embedded H2 database files. */
    @WithDefault("./data")
    String dataDir();

    /**
     * This instance's name among those that share one database (it marks the analyses it claims); the host
     * name when not set. Give each instance on one host its own.
     */
    Optional<String> instanceId();

    Db db();

    Http http();

    Admin admin();

    Analysis analysis();

    Ecg ecg();
    HeartRate heartRate();

    Events events();

    interface HeartRate {
        /** Readings one request, WebSocket message or CSV batch may carry. */
        @WithDefault("10000")
        int maxBatch();
        /**
         * Readings one live stream (a WebSocket connection, a gRPC stream) may send per second, on average; a message
         * beyond is refused whole (0: no limit).
         */
        @WithDefault("5000")
        int streamRate();
        /** Readings one live stream may send at once above its rate (at least max-batch, or larger messages never pass). */
        @WithDefault("10000")
        int streamBurst();
        /** Readings waiting to be committed, over all clients; beyond that new ones are refused (503, retry). */
        @WithDefault("500000")
        long maxPendingReadings();
        /** Readings stored by one commit at most (group commit gathers up to this many). */
        @WithDefault("20000")
        int commitBatch();
        /** Training zones: an interval between two readings longer than this is not counted. */
        @WithDefault("PT30S")
        Duration zoneMaxGap();
        /** Readings older than this are deleted. */
        @WithDefault("P365D")
        Duration retention();
        /** How often old readings are purged (a duration, or {@code off}); read by the scheduler. */
        @WithDefault("PT1H")
        String purgeInterval();
        /** Readings deleted per transaction by the purge. */
        @WithDefault("10000")
        int purgeBatch();
    }

    interface Analysis {
        /** How often ECGs pending for longer than this are queued for analysis again. */
        @WithDefault("PT1M")
        Duration retryInterval();

        /** Attempts at analysing one revision of an ECG before it is marked failed. */
        @WithDefault("3")
        int maxAttempts();

        /** How long an instance's claim on an ECG keeps the other instances from analysing it too. */
        @WithDefault("PT5M")
        Duration claimTimeout();

        /** ECGs waiting in memory for the analysis; beyond that they wait in the database for the retry. */
        @WithDefault("10000")
        int queueSize();

        /**
         * Back-pressure: while at least this many ECGs wait for their analysis, new submissions and replacements
         * get 503 with Retry-After (0 refuses every one).
         */
        @WithDefault("10000")
        long maxBacklog();

        /** How often the backlog is counted in the database (between counts it is kept up to date in memory). */
        @WithDefault("PT1S")
        Duration backlogRefreshInterval();
    }

    interface Ecg {
        /** Leads per recording. */
        @WithDefault("64")
        int maxLeads();

        /** Samples in one lead (a 24-hour Holter lead at 360 Hz has 31 M). */
        @WithDefault("67108864")
        int maxSamplesPerLead();

        /** Samples over all leads of one recording: bounds the memory one upload or one analysis takes. */
        @WithDefault("67108864")
        long maxSamples();
    }

    interface Db {
        /** The database this run uses; the other one is never touched. */
        @WithDefault("h2")
        Kind kind();

        /** JDBC URL of the PostgreSQL database (used when kind is postgresql). */
        @WithDefault("jdbc:postgresql://localhost:5432/sinus")
        String url();

        @WithDefault("sinus")
        String username();

        Optional<String> password();

        /** Connections the pool keeps open even when idle. */
        @WithDefault("0")
        int poolMinSize();

        /** Most connections the pool opens. */
        @WithDefault("20")
        int poolMaxSize();

        /** How long a request waits for a free connection before it gets a 503. */
        @WithDefault("PT5S")
        Duration acquisitionTimeout();

        /** PostgreSQL: how long opening a connection may take, in seconds. */
        @WithDefault("10")
        int connectTimeoutSeconds();

        /** PostgreSQL: how long one read from the server may take, in seconds (0 = no limit). */
        @WithDefault("60")
        int socketTimeoutSeconds();

        /** How often a database that was unavailable at start-up is tried again. */
        @WithDefault("PT5S")
        Duration startupRetryInterval();

        /**
         * How often a few ECGs whose leads were stored before seek points existed are rewritten with them (a
         * duration, or {@code off}); read by the scheduler.
         */
        @WithDefault("PT10S")
        String leadUpgradeInterval();

        /** How many inserts or updates Hibernate sends to the database in one batch. */
        @WithDefault("50")
        int statementBatchSize();

        /** Wiring for the datasource switch in application.properties: kind -> is the H2 unit active. */
        Map<String, Boolean> h2ActiveWhen();

        /** Wiring for the datasource switch in application.properties: kind -> is the PostgreSQL unit active. */
        Map<String, Boolean> postgresqlActiveWhen();

        enum Kind { h2, postgresql }
    }

    interface Http {
        /** Graceful shutdown: how long requests in progress may take to finish after SIGTERM. */
        @WithDefault("PT30S")
        Duration drainTimeout();

        /** Largest request body accepted; larger ones get 413. */
        @WithDefault("32M")
        MemorySize maxBodySize();

        /** Largest upload accepted by the {@link #uploadPaths()}. */
        @WithDefault("64G")
        MemorySize maxImportSize();

        /** The endpoints that stream their body to disk instead of holding it, so they may take up to {@link #maxImportSize()}. */
        @WithDefault("/v1/admin/import,/v1/ecgs/import")
        Set<String> uploadPaths();

        /** How long a request body may take to arrive before the connection is closed (except uploads, see below). */
        @WithDefault("PT30S")
        Duration bodyTimeout();

        /** Uploads to the import endpoints may take longer, as long as they arrive at least this fast (bytes/s). */
        @WithDefault("64K")
        MemorySize minUploadRate();
    }

    Security security();

    interface Admin {
        /** Username of the administrator created at first start. */
        @WithDefault("admin")
        String username();

        /** Its password; when absent, a random one is generated at first start and logged once. */
        Optional<String> password();

        /** At start, set the existing administrator's password to {@link #password()} (or a generated one). */
        @WithDefault("false")
        boolean resetPassword();
    }

    interface Events {
        /** Events older than this are deleted from the event log. */
        @WithDefault("P7D")
        Duration retention();
        /** The event log holds at most about this many events of all users; the oldest beyond go. */
        @WithDefault("1000000")
        long maxEvents();
        /** How often the event log is purged (a duration, or {@code off}); read by the scheduler. */
        @WithDefault("PT10M")
        String purgeInterval();
        /** Events deleted per transaction by the purge. */
        @WithDefault("10000")
        int purgeBatch();
        /**
         * What one live stream may have waiting to be written to its socket (JSON bytes); a client that falls
         * further behind is disconnected (it catches up with {@code since}).
         */
        @WithDefault("1M")
        MemorySize streamBuffer();
    }

    interface Security {
        /**
         * The key that encrypts and authenticates the dashboard's session cookies (any string of at least 32
         * characters). Instances that share it accept each other's sessions. Not set: a random key per start,
         * so a restart signs everyone out.
         */
        Optional<String> sessionKey();

        /** How long a dashboard session lasts after sign-in. */
        @WithDefault("PT12H")
        Duration sessionLifetime();

        /** bcrypt cost factor (log2 of rounds) for new password hashes. */
        @WithDefault("12")
        int bcryptCost();

        /** How long a successful password check is remembered for the same credentials. */
        @WithDefault("PT5M")
        Duration credentialCacheTtl();

        /** Most credential checks remembered at once. */
        @WithDefault("10000")
        int credentialCacheSize();

        /** Wrong passwords for one account within {@link #loginFailureWindow()} before its checks are refused. */
        @WithDefault("10")
        int loginFailuresPerAccount();

        /** Wrong passwords from one client address within {@link #loginFailureWindow()} before its checks are refused. */
        @WithDefault("30")
        int loginFailuresPerAddress();

        /** How long failed sign-ins are counted, and how long a throttled account or address waits at most. */
        @WithDefault("PT5M")
        Duration loginFailureWindow();

        /** Password hashes computed at once; default: half the cores (at least one). */
        Optional<Integer> passwordCheckConcurrency();

        /** Password checks that may wait for a free hasher; more get 503. */
        @WithDefault("16")
        int passwordCheckQueue();
    }
}
