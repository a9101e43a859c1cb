package io.flowforge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void derivedIdIsStableAndWellFormed() {
    String id = Ids.derived("mdl", "ws_aaaaaaaaaaaaaaaaaaaa", "product star");

    assertEquals(id, Ids.derived("mdl", "ws_aaaaaaaaaaaaaaaaaaaa", "product star"));
    assertTrue(Ids.isWellFormed(id), id);
    assertTrue(id.startsWith("mdl_"), id);
  }

  @Test
  void derivedIdDiffersWhenAnyPartDiffers_includingWherePartsSplit() {
    String id = Ids.derived("mdl", "ab", "c");

    assertNotEquals(id, Ids.derived("mdl", "a", "bc"));
    assertNotEquals(id, Ids.derived("mdl", "ab", "d"));
    assertNotEquals(id, Ids.derived("mdl", "ax", "c"));
  }
}
