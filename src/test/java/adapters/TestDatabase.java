package adapters;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database resource for every {@code @QuarkusTest} of the run. */
@QuarkusTestResource(PostgresTestResource.class)
public final class TestDatabase {

    private TestDatabase() {
    }
}
