package io.flowforge.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FirstLineTest {
  @Test
  void countsFieldsForTheMostFrequentDelimiter() {
    assertEquals(3, FirstLine.csvFields("a,b,c"));
    assertEquals(4, FirstLine.csvFields("a;b;c;d"));
    assertEquals(2, FirstLine.csvFields("a\tb"));
  }

  @Test
  void ignoresDelimitersInsideQuotes() {
    assertEquals(2, FirstLine.csvFields("\"a,b,c,d\",e"));
  }
}
