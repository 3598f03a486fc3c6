package usecase;

import domain.Violations;

/** A zero-based page of at most {@link #MAX_SIZE} items. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    /** Keeps {@code page * size} within an int, so an absurd page number is a 422 and not an overflow. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    public PageRequest {
        new Violations()
                .check(page >= 0 && page <= MAX_PAGE, "page", "must be between 0 and " + MAX_PAGE)
                .check(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE)
                .throwIfAny();
    }

    public int offset() {
        return page * size;
    }
}
