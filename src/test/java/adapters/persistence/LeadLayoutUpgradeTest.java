package adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ecg.Ecg;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.Transactions;
import usecase.port.EcgRepository;

/** Leads stored before seek points existed get them from the background upgrade, samples and all else unchanged. */
@QuarkusTest
class LeadLayoutUpgradeTest {

    @Inject
    EcgRepository ecgs;

    @Inject
    Transactions transactions;

    @Inject
    ActiveSession sessions;

    @Inject
    LeadLayoutUpgrade upgrade;

    @Test
    void oldLeadsAreRewrittenWithSeekPointsAndReadTheSame() {
        UUID owner = UUID.fromString(RestAssured.given().auth().preemptive().basic("admin", "admin-secret-1")
                .contentType(ContentType.JSON)
                .body(Map.of("username", "layout-" + UUID.randomUUID().toString().substring(0, 8), "password", "layout-password"))
                .post("/v1/admin/users").then().statusCode(201).extract().path("id"));
        int[] first = new Random(1).ints(3 * SignalCodec.BLOCK + 11, -2000, 2000).toArray();
        int[] second = new Random(2).ints(700, -2000, 2000).toArray();
        Ecg ecg = Ecg.submitted(UUID.randomUUID(), owner, new Recording(null, 360,
                List.of(new Lead("I", Signal.of(first)), new Lead("II", Signal.of(second)))), Instant.now());
        transactions.runInNew(() -> ecgs.add(ecg));
        String before = ecgs.findSummary(ecg.key()).orElseThrow().toString();
        OldLayout.rewrite(sessions, transactions, ecg.key(), 0, first);
        OldLayout.rewrite(sessions, transactions, ecg.key(), 1, second);
        assertEquals(2, encodings(ecg, SignalCodec.DELTA_VARINT));

        int upgraded = 0;
        for (int run = 0; run < 100 && encodings(ecg, SignalCodec.DELTA_VARINT) > 0; run++) {
            upgraded += upgrade.upgradeSome();
        }

        assertTrue(upgraded >= 1);
        assertEquals(0, encodings(ecg, SignalCodec.DELTA_VARINT));
        assertEquals(2, encodings(ecg, SignalCodec.BLOCKED_DELTA_VARINT));
        assertArrayEquals(first, ecgs.findSignalWindow(ecg.key(), "I", 0, 1000).orElseThrow().samples());
        assertArrayEquals(java.util.Arrays.copyOfRange(first, 3600, 7200),
                ecgs.findSignalWindow(ecg.key(), "I", 10, 20).orElseThrow().samples(), "read through the seek points");
        assertArrayEquals(second, ecgs.findSignalWindow(ecg.key(), "II", 0, 1000).orElseThrow().samples());
        assertEquals(before, ecgs.findSummary(ecg.key()).orElseThrow().toString(), "nothing else changed");
    }

    private int encodings(Ecg ecg, short encoding) {
        return transactions.inNew(() -> ((Number) sessions.get().createNativeQuery("""
                        select count(*) from ecg_leads where samples_encoding = :encoding
                        and ecg_id = (select id from ecgs where owner_id = :owner and public_id = :id)""", Object.class)
                .setParameter("encoding", encoding).setParameter("owner", ecg.ownerId()).setParameter("id", ecg.id())
                .getSingleResult()).intValue());
    }
}
