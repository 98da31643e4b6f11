package io.firerisk.ledger;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items  the page
 * @param total  how many the whole list holds
 * @param offset where the page starts in it
 * @param limit  the page size asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
