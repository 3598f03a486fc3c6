package usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PageRequestTest {

    private static List<String> violatedFields(Executable action) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action);
        return e.violations().stream().map(InvalidInputException.Violation::field).toList();
    }

    @Test
    void acceptsTheFirstPageAndSizesFrom1To100() {
        assertEquals(1, new PageRequest(0, 1).size());
        assertEquals(100, new PageRequest(0, 100).size());
    }

    @Test
    void rejectsANegativePage() {
        assertEquals(List.of("page"), violatedFields(() -> new PageRequest(-1, 20)));
    }

    @Test
    void rejectsAPageWhoseOffsetWouldOverflow() {
        assertEquals(List.of("page"), violatedFields(() -> new PageRequest(21_474_837, 100)));
    }

    @Test
    void rejectsSizesOutside1To100() {
        assertEquals(List.of("size"), violatedFields(() -> new PageRequest(0, 0)));
        assertEquals(List.of("size"), violatedFields(() -> new PageRequest(0, 101)));
    }

    @Test
    void reportsABadPageAndABadSizeTogether() {
        assertEquals(List.of("page", "size"), violatedFields(() -> new PageRequest(-1, 0)));
    }

    @Test
    void offsetSkipsTheEarlierPages() {
        assertEquals(0, new PageRequest(0, 25).offset());
        assertEquals(75, new PageRequest(3, 25).offset());
    }

    @Test
    void aPageKnowsHowManyPagesThereAre() {
        assertEquals(3, new Page<>(List.of("a"), 0, 10, 21).totalPages());
        assertEquals(2, new Page<>(List.of("a"), 0, 10, 20).totalPages());
        assertEquals(0, new Page<String>(List.of(), 0, 10, 0).totalPages());
    }
}
