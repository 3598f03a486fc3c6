package adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The upgrades from the first schema keep every recording: V2 (cardiac analysis) queues ECGs that an
 * earlier release analysed for analysis by this one, V3 (owner-scoped ids, bounded retries) keeps every
 * ECG under the id its owner knows; on both databases.
 */
class AnalysisMigrationTest {

    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID DONE = UUID.fromString("00000000-0000-0000-0000-0000000000d0");
    private static final UUID FAILED = UUID.fromString("00000000-0000-0000-0000-0000000000f0");
    private static final UUID PENDING = UUID.fromString("00000000-0000-0000-0000-0000000000a0");

    @Test
    void upgradingAnH2DatabaseKeepsTheRecordingsAndAnalysesThemAgain() throws Exception {
        upgradeKeepsRecordingsAndQueuesAnalysedEcgs(h2(), "db/migration/h2");
    }

    @Test
    void upgradingAPostgresqlDatabaseKeepsTheRecordingsAndAnalysesThemAgain() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            upgradeKeepsRecordingsAndQueuesAnalysedEcgs(postgres.getPostgresDatabase(), "db/migration/postgresql");
        }
    }

    private static void upgradeKeepsRecordingsAndQueuesAnalysedEcgs(DataSource database, String vendorFolder)
            throws Exception {
        flyway(database, vendorFolder).target("1").load().migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO users VALUES ('" + USER + "', 'alice', '$2a$12$hash', 'USER', CURRENT_TIMESTAMP)");
            insertEcg(connection, sql, DONE, "DONE");
            insertEcg(connection, sql, FAILED, "FAILED");
            insertEcg(connection, sql, PENDING, "PENDING");
            sql.execute("INSERT INTO ecg_lead_results VALUES ('" + DONE + "', 0, 2)");
        }

        flyway(database, vendorFolder).load().migrate();

        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(3, count(sql, "SELECT COUNT(*) FROM ecgs WHERE status = 'PENDING' AND analysed_at IS NULL"),
                    "done and failed ECGs wait for this release's analysis");
            assertEquals(3, count(sql, "SELECT COUNT(*) FROM ecg_leads WHERE samples_encoding = 1"), "every recording kept");
            assertEquals(0, count(sql, "SELECT COUNT(*) FROM ecg_lead_results"));
            assertEquals(3, count(sql, "SELECT COUNT(*) FROM ecgs WHERE public_id = id AND owner_id = '" + USER + "'"),
                    "every ECG keeps the id its owner knows");
            assertEquals(3, count(sql, "SELECT COUNT(*) FROM ecgs WHERE analysis_attempts = 0 AND pending_since IS NOT NULL"
                    + " AND failure_reason IS NULL"));
        }
        assertEquals(latestMigration(), flyway(database, vendorFolder).load().info().current().getVersion().getVersion(),
                "migrated to the latest version");
    }

    @Test
    void upgradingToTheSecondAnalysisRoundAnalysesEveryEcgAgainOnBothDatabases() throws Exception {
        secondRoundQueuesAnalysedEcgs(h2(), "db/migration/h2");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            secondRoundQueuesAnalysedEcgs(postgres.getPostgresDatabase(), "db/migration/postgresql");
        }
    }

    private static void secondRoundQueuesAnalysedEcgs(DataSource database, String vendorFolder) throws Exception {
        flyway(database, vendorFolder).target("1").load().migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO users VALUES ('" + USER + "', 'alice', '$2a$12$hash', 'USER', CURRENT_TIMESTAMP)");
            insertEcg(connection, sql, DONE, "PENDING");
            insertEcg(connection, sql, FAILED, "PENDING");
            insertEcg(connection, sql, PENDING, "PENDING");
        }
        flyway(database, vendorFolder).target("6").load().migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            // as the first analysis round left them: one done, one failed after its attempts, one still waiting
            sql.execute("UPDATE ecgs SET status = 'DONE', analysed_at = CURRENT_TIMESTAMP, analysis_attempts = 1 WHERE id = '"
                    + DONE + "'");
            sql.execute("UPDATE ecgs SET status = 'FAILED', analysed_at = CURRENT_TIMESTAMP, analysis_attempts = 3,"
                    + " failure_reason = 'gave up' WHERE id = '" + FAILED + "'");
        }

        flyway(database, vendorFolder).load().migrate();

        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(3, count(sql, "SELECT COUNT(*) FROM ecgs WHERE status = 'PENDING' AND analysed_at IS NULL"
                    + " AND analysis_attempts = 0 AND failure_reason IS NULL AND pending_since IS NOT NULL"),
                    "done and failed ECGs wait for this release's analysis, with their attempts counted afresh");
        }
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static FluentConfiguration flyway(DataSource database, String vendorFolder) {
        return Flyway.configure().dataSource(database).locations("db/migration/common", vendorFolder);
    }

    private static void insertEcg(Connection connection, Statement sql, UUID id, String status) throws SQLException {
        sql.execute("INSERT INTO ecgs VALUES ('" + id + "', '" + USER + "', NULL, 360, '" + status + "', "
                + "CURRENT_TIMESTAMP, " + ("PENDING".equals(status) ? "NULL" : "CURRENT_TIMESTAMP") + ", 0)");
        try (PreparedStatement lead = connection.prepareStatement("INSERT INTO ecg_leads VALUES (?, 0, 'II', 3, 1, ?)")) {
            lead.setObject(1, id);
            lead.setBytes(2, new byte[] {2, 4, 6});
            lead.executeUpdate();
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The highest version among the shipped migrations. */
    private static String latestMigration() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration/common"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        }
    }
}
