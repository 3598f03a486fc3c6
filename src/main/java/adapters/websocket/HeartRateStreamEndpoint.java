package adapters.websocket;

import adapters.http.Caller;
import adapters.http.ReadingMessages;
import adapters.http.StreamLimits;
import adapters.http.StreamRate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.DomainException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.SessionScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import usecase.heartrate.RecordReadings;

/**
 * A live stream of heart-rate readings: each text message is one reading or an array of them (the JSON of
 * {@code POST /v1/heart-rate/readings}), and gets one reply in the same shape, in the order the messages came:
 * the verdict on each reading, sent once the accepted ones are stored. A message that is not a reading gets
 * {@code {"status": "error", ...}} and the stream goes on. The caller is authenticated on the upgrade (Basic,
 * bearer token); an administrator is refused (403). Nothing here blocks: an open stream holds no thread, and
 * many messages of one connection may wait for their commit at once (pipelining), their replies still in order.
 * A connection sends at most {@code sinus.heart-rate.stream-rate} readings per second ({@link StreamRate}); a message
 * beyond gets the error for each of its readings, and none of them is stored.
 */
@WebSocket(path = HeartRateStreamEndpoint.PATH)
@RolesAllowed("user")
@SessionScoped
public class HeartRateStreamEndpoint {

    public static final String PATH = "/v1/heart-rate/stream";

    private static final Logger LOG = Logger.getLogger(HeartRateStreamEndpoint.class);

    private final SecurityIdentity identity;
    private final RecordReadings recordReadings;
    private final ObjectMapper mapper;
    private final WebSocketConnection connection;
    private final StreamRate rate;
    /** Completes when the reply to the latest message has been handed to the connection. */
    private CompletionStage<Void> replied = CompletableFuture.completedFuture(null);

    HeartRateStreamEndpoint(SecurityIdentity identity, RecordReadings recordReadings, ObjectMapper mapper,
                            WebSocketConnection connection, StreamLimits limits) {
        this.identity = identity;
        this.recordReadings = recordReadings;
        this.mapper = mapper;
        this.connection = connection;
        this.rate = limits.open();
    }

    @OnTextMessage
    @NonBlocking
    void onMessage(String message) {
        CompletionStage<Object> reply = reply(message);
        replied = replied.thenCombine(reply, (previous, text) -> text).thenAccept(this::send);
    }

    private CompletionStage<Object> reply(String message) {
        JsonNode json;
        try {
            json = mapper.readTree(message);
        } catch (JsonProcessingException e) {
            json = null;
        }
        ReadingMessages.Parsed parsed = json == null ? null : ReadingMessages.parse(json);
        if (!rate.take(parsed == null ? 1 : parsed.items().size())) {
            return CompletableFuture.completedFuture(parsed == null || !parsed.array()
                    ? ReadingMessages.Verdict.error(rate.refusal()) : parsed.failed(rate.refusal()));
        }
        if (json == null) {
            return CompletableFuture.completedFuture(ReadingMessages.Verdict.error(
                    "The message is not JSON: send a reading such as {\"bpm\": 72} or an array of them."));
        }
        if (parsed == null) {
            return CompletableFuture.completedFuture(ReadingMessages.Verdict.error(
                    "The message must be a reading such as {\"bpm\": 72} or an array of them."));
        }
        CompletionStage<List<ReadingMessages.Verdict>> verdicts;
        try {
            verdicts = recordReadings.execute(Caller.id(identity), parsed.inputs()).thenApply(parsed::verdicts);
        } catch (DomainException e) {
            return CompletableFuture.completedFuture(ReadingMessages.Verdict.error(e.getMessage()));
        }
        return verdicts.exceptionally(failure -> parsed.failed(ReadingMessages.unstoredReason(failure))).thenApply(
                replies -> parsed.array() ? replies : replies.get(0));
    }

    private void send(Object reply) {
        String text;
        try {
            text = mapper.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        connection.sendText(text).subscribe().with(sent -> { }, failure -> LOG.debugf("reply not sent: %s", failure));
    }
}
