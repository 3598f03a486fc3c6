package adapters.websocket;

import io.restassured.RestAssured;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client that stops reading after the handshake, with a receive buffer of a few kilobytes, the way a
 * stalled phone on a bad network behaves: what the server sends piles up on the server's side. {@link #drain()}
 * then reads everything that did arrive, up to the server's close frame.
 */
final class StalledSocket implements AutoCloseable {

    /** What a drain found: the text messages before the close, and the close's code and reason. */
    record Drained(int messages, int closeCode, String closeReason) {
    }

    private final Socket socket = new Socket();
    private final DataInputStream in;

    StalledSocket(String path, String authorization) throws IOException {
        socket.setReceiveBufferSize(4096); // before connecting, so the window stays small
        socket.connect(new InetSocketAddress("localhost", RestAssured.port));
        OutputStream out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("sinus-stalled-01".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Authorization: " + authorization + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = new DataInputStream(socket.getInputStream());
        String status = line();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + status);
        }
        while (!line().isEmpty()) {
            // the response's headers
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("closed during the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** Reads frames (unmasked, as a server sends them) until the close frame. */
    Drained drain() throws IOException {
        socket.setSoTimeout(30_000);
        int messages = 0;
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            int opcode = first & 0x0f;
            boolean fin = (first & 0x80) != 0;
            if (opcode == 0x8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                return new Drained(messages, code, reason);
            }
            if (fin && opcode != 0x9 && opcode != 0xA) {
                messages++; // a text message (or the last frame of one)
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
