package adapters.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import usecase.port.PasswordHasher;

class BcryptPasswordHasherTest {

    @Test
    void verifiesWhatItHashed() {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(10, 1, 4);
        String hash = hasher.hash("correct-horse");

        assertTrue(hash.startsWith("$2"));
        assertTrue(hasher.verify("correct-horse", hash));
        assertFalse(hasher.verify("wrong-horse", hash));
        assertFalse(hasher.verify("correct-horse", "not a bcrypt hash"));
    }

    @Test
    void refusesChecksBeyondItsQueueInsteadOfTakingEveryThread() throws Exception {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(12, 1, 1);
        String hash = new BcryptPasswordHasher(10, 1, 0).hash("correct-horse");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> checks = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(6);
            for (int i = 0; i < 6; i++) {
                checks.add(() -> {
                    start.countDown();
                    start.await(); // all at once: one hashes (a quarter second at cost 12), one waits, the rest are refused
                    try {
                        hasher.hash("some-password");
                        return "hashed";
                    } catch (PasswordHasher.Saturated e) {
                        return "refused";
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(checks)) {
                outcomes.add(outcome.get());
            }
            assertTrue(outcomes.contains("refused"), outcomes.toString());
            assertTrue(outcomes.contains("hashed"), outcomes.toString());
            assertTrue(hasher.verify("correct-horse", hash), "it serves again once the crowd is gone");
        } finally {
            pool.shutdownNow();
        }
    }
}
