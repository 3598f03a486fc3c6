package adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;
import usecase.Page;

/** A page of a list, with the paging metadata a client needs to fetch the others. */
@RegisterForReflection
record PageJson<T>(List<T> items, int page, int size,
                   @JsonProperty("total_items") long totalItems,
                   @JsonProperty("total_pages") long totalPages) {

    static <D, T> PageJson<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageJson<>(page.items().stream().map(mapper).toList(), page.page(), page.size(),
                page.totalItems(), page.totalPages());
    }
}
