package usecase.port;

/** Brings the database schema up to the version this build of Sinus expects. */
public interface SchemaMigrator {

    /**
     * Applies the migrations the database has not seen yet.
     *
     * @throws IncompatibleSchemaException if the database was migrated by a newer Sinus
     */
    void migrate();

    /** The database's schema is newer than this build knows; running on it could corrupt data. */
    final class IncompatibleSchemaException extends RuntimeException {
        public IncompatibleSchemaException(String message) {
            super(message, null, false, false);
        }
    }
}
