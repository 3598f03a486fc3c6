package adapters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that hold connections without finishing their requests are cut off: idle connections after the
 * idle timeout, bodies that trickle in after the body timeout, and connections beyond the cap are refused.
 * The packaged jar runs with short timeouts (3 s) and a cap of 8 connections, so that this takes seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsIT {

    private static final long IDLE_MS = 3_000;

    @TempDir
    static Path workDir;

    private PackagedApp app;

    @BeforeAll
    void start() throws Exception {
        app = new PackagedApp(workDir, Map.of("SINUS_ADMIN_PASSWORD", "slow-admin",
                "QUARKUS_HTTP_IDLE_TIMEOUT", "3S", "SINUS_HTTP_BODY_TIMEOUT", "PT3S",
                "QUARKUS_HTTP_LIMITS_MAX_CONNECTIONS", "8"));
        app.start();
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    /** Writes the bytes one at a time, every half second, until the server closes; returns how long that took. */
    private long trickle(Socket socket, String text, long patienceMs) throws IOException, InterruptedException {
        long started = System.nanoTime();
        OutputStream out = socket.getOutputStream();
        socket.setSoTimeout(1);
        for (int i = 0; i < text.length(); i++) {
            try {
                out.write(text.charAt(i));
                out.flush();
            } catch (IOException closed) {
                return elapsedMs(started);
            }
            if (closed(socket) || elapsedMs(started) > patienceMs) {
                return elapsedMs(started);
            }
            Thread.sleep(500);
        }
        return elapsedMs(started);
    }

    private static boolean closed(Socket socket) throws IOException {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int b = in.read();
                if (b == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:slow-admin".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(100);
            long started = System.nanoTime();
            while (!closed(socket) && elapsedMs(started) < 30_000) {
                Thread.sleep(100);
            }
            long open = elapsedMs(started);
            assertTrue(open >= IDLE_MS - 500 && open < IDLE_MS + 5_000, "closed after " + open + " ms");
        }
    }

    @Test
    void headersThatTrickleInAreCutOff() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            String head = "GET /v1/admin/users HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n";
            long open = trickle(socket, head, 40_000);
            assertTrue(open < 20_000, "a client sending a byte every half second was served for " + open + " ms");
        }
    }

    @Test
    void aBodyThatTricklesInIsCutOffWith408() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/admin/users HTTP/1.1\r\nHost: x\r\nAuthorization: " + auth()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long open = trickle(socket, " ".repeat(1000), 40_000);
            assertTrue(open < 15_000, "the body trickled for " + open + " ms");
        }
    }

    @Test
    void connectionsBeyondTheCapAreNotServed() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket("127.0.0.1", app.port());
                // each connection in use: one request answered, then held open (keep-alive)
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                if (socket.getInputStream().read() < 0) {
                    throw new AssertionError("connection " + i + " within the cap was not served");
                }
                held.add(socket);
            }
            Thread.sleep(200);
            try (Socket extra = new Socket("127.0.0.1", app.port())) {
                extra.setSoTimeout(2_000);
                extra.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                int first;
                try {
                    first = extra.getInputStream().read();
                } catch (IOException refused) {
                    first = -1;
                }
                assertTrue(first == -1, "the ninth connection was served");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        Thread.sleep(500);
        app.as("admin", "slow-admin").get("/v1/admin/users").then().statusCode(200);
    }
}
