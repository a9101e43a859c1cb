package io.flowforge.core;

import java.util.List;

/** The JSON shape of every list answer: {@code {"items": [...]}}, so lists can grow paging fields later. */
public record Items<T>(List<T> items) {
  public Items {
    items = List.copyOf(items);
  }
}
