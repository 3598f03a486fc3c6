package usecase;

import domain.Violations;

/** A zero-based page of at most {@link #MAX_SIZE} items. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;

    public PageRequest {
        new Violations()
                .check(page >= 0, "page", "must be 0 or more")
                .check(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE)
                .throwIfAny();
    }

    public int offset() {
        return page * size;
    }
}
