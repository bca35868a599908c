package io.rotation.platform.paging;

import java.util.List;

/** One page of a list: {@code {"items": [...], "next_cursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {
}
