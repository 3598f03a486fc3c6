package adapters.rest;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Plain HTTP/1.1 over a socket, for what REST Assured cannot do: a request whose body never comes. */
final class TestHttp {

    private TestHttp() {
    }

    static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    /**
     * Sends only the head of a request that announces a body of {@code length} bytes, and returns the status
     * of the answer the server gives without having read any of it.
     */
    static int statusBeforeBody(String method, String path, String authorization, long length) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String type = path.endsWith("/import") && path.contains("ecgs") ? "multipart/form-data; boundary=xyz"
                    : "application/json";
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + length + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            String[] status = line.toString().split(" ");
            if (status.length < 2) {
                throw new IOException("no answer before the body: '" + line + "'");
            }
            return Integer.parseInt(status[1]);
        }
    }
}
