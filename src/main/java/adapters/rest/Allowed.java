package adapters.rest;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Answers to OPTIONS: the methods a path really serves, so that none of them answers 405. */
final class Allowed {

    private Allowed() {
    }

    static Response methods(String... methods) {
        Set<String> allowed = new LinkedHashSet<>(List.of(methods));
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return Response.noContent().header("Allow", String.join(", ", allowed)).build();
    }
}
