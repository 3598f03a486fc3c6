package adapters.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outages are told from bugs by exception type and SQLSTATE, with the exceptions the drivers really throw. */
class FailuresTest {

    @Test
    void anExhaustedConnectionPoolIsAnOutage() throws SQLException {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofMillis(200))
                        .connectionFactoryConfiguration(factory -> factory
                                .jdbcUrl("jdbc:h2:mem:pool-" + UUID.randomUUID())));
        try (AgroalDataSource pool = AgroalDataSource.from(configuration); Connection held = pool.getConnection()) {
            SQLException exhausted = assertThrows(SQLException.class, pool::getConnection);

            assertTrue(Failures.databaseUnreachable(new RuntimeException("wrapped by the ORM", exhausted)),
                    exhausted.toString());
        }
    }

    @Test
    void aClosedH2DatabaseIsAnOutage() throws SQLException {
        String url = "jdbc:h2:mem:closed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("SHUTDOWN");
            SQLException closed = assertThrows(SQLException.class, () -> connection.createStatement().execute("SELECT 1"));

            assertTrue(Failures.databaseUnreachable(closed), closed.getSQLState() + " " + closed.getMessage());
        }
    }

    @Test
    void aWriteThatH2CouldNotStoreIsAnOutage(@TempDir Path directory) throws SQLException {
        // H2's plain file system closes its file when an interrupted thread writes: the write fails in H2's storage.
        String url = "jdbc:h2:" + directory.resolve("store") + ";WRITE_DELAY=0";
        Connection connection = DriverManager.getConnection(url); // not closed: closing a broken store throws too
        connection.createStatement().execute("CREATE TABLE t(b VARBINARY(10))");
        Thread.currentThread().interrupt();
        SQLException failed;
        try {
            failed = assertThrows(SQLException.class, () -> connection.createStatement().execute("INSERT INTO t VALUES (X'00')"));
        } finally {
            Thread.interrupted();
        }

        assertTrue(Failures.databaseUnreachable(new RuntimeException("wrapped by the ORM", failed)),
                failed.getSQLState() + " " + failed.getMessage());
    }

    @Test
    void aFullDiskAndALockTimeoutAreOutagesByTheirStates() {
        assertTrue(Failures.databaseUnreachable(new SQLException("No space left on device", "53100")));
        assertTrue(Failures.databaseUnreachable(new SQLException("IO Exception: disk full", "90028")));
        assertTrue(Failures.databaseUnreachable(new SQLException("Timeout trying to lock table", "HYT00")));
        assertTrue(Failures.databaseUnreachable(new SQLException("deadlock detected", "40P01")));
        assertTrue(Failures.databaseUnreachable(new SQLException("the database system is shutting down", "57P03")));
        assertTrue(Failures.databaseUnreachable(new SQLException("Database may be already in use", "90020")));
    }

    @Test
    void aBugOrABadValueIsNoOutage() {
        assertFalse(Failures.databaseUnreachable(new SQLException("duplicate key value", "23505")));
        assertFalse(Failures.databaseUnreachable(new SQLException("syntax error", "42601")));
        assertFalse(Failures.databaseUnreachable(new IllegalStateException("a bug")));
        assertTrue(Failures.valueNotStorable(new RuntimeException(new SQLException("value too long", "22001"))));
        assertFalse(Failures.valueNotStorable(new SQLException("duplicate key value", "23505")));
    }
}
