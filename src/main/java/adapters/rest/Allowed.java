package adapters.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers OPTIONS with the methods a path really serves (HEAD with GET), so that none of them answers 405
 * and none that is served is left out; any caller may ask. The table mirrors the resources' paths and
 * methods; {@code HostileInputApiTest} checks every row against what the paths answer.
 */
public class Allowed {

    private record Route(Pattern path, String allow) {
        static Route of(String template, String... methods) {
            String regex = template.replaceAll("\\{[^}]+}", "[^/]+");
            List<String> allowed = new java.util.ArrayList<>(List.of(methods));
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
            return new Route(Pattern.compile(regex + "/?"), String.join(", ", allowed));
        }
    }

    private static final List<Route> ROUTES = List.of(
            Route.of("/v1/ecgs", "GET", "POST"),
            Route.of("/v1/ecgs/import", "POST"),
            Route.of("/v1/ecgs/{id}", "GET", "PUT", "DELETE"),
            Route.of("/v1/ecgs/{id}/beats", "GET"),
            Route.of("/v1/ecgs/{id}/signal", "GET"),
            Route.of("/v1/events", "GET"),
            Route.of("/v1/events/latest", "GET"),
            Route.of("/v1/auth/session", "GET", "POST", "DELETE"),
            Route.of("/v1/admin/users", "GET", "POST"),
            Route.of("/v1/admin/users/{id}", "GET", "DELETE"),
            Route.of("/v1/admin/users/{id}/password", "PUT"),
            Route.of("/v1/admin/users/{id}/tokens", "GET", "DELETE"),
            Route.of("/v1/admin/users/{id}/tokens/{tokenId}", "DELETE"),
            Route.of("/v1/auth/tokens", "GET", "POST"),
            Route.of("/v1/auth/tokens/{id}", "GET", "DELETE"),
            Route.of("/v1/admin/export", "GET"),
            Route.of("/v1/admin/import", "POST"));

    @ServerRequestFilter(preMatching = true)
    public Response options(jakarta.ws.rs.container.ContainerRequestContext request, UriInfo uri) {
        if (!"OPTIONS".equals(request.getMethod())) {
            return null;
        }
        String path = uri.getPath();
        for (Route route : ROUTES) {
            if (route.path().matcher(path).matches()) {
                return Response.noContent().header("Allow", route.allow()).build();
            }
        }
        return null; // not a path of the API: its 404
    }
}
