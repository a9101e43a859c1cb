package io.flowforge.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDataTest {
  private static final List<String[]> TRANSACTIONS = rows(DemoData.bankTransactions());

  @Test
  void generatesTheSameBytesEveryTime() {
    assertEquals(DemoData.tables(), DemoData.tables());
  }

  @Test
  void repeatsTransactionIdsOnlyAsExactDuplicatesOrLaterUpdates() {
    Map<String, String[]> first = new HashMap<>();
    int duplicates = 0;
    int lateUpdates = 0;
    for (String[] row : TRANSACTIONS) {
      String[] earlier = first.putIfAbsent(row[0], row);
      if (earlier == null) {
        continue;
      }
      if (Arrays.equals(earlier, row)) {
        duplicates++;
      } else {
        lateUpdates++;
        assertEquals("PENDING", earlier[8], "the first row was pending");
        assertEquals("POSTED", row[8], "the late row carries the final status");
        assertTrue(row[9].compareTo(earlier[9]) > 0, "later transaction_date");
      }
    }

    assertEquals(DemoData.TRANSACTIONS, first.size());
    assertTrue(duplicates > 20, "some exact duplicates: " + duplicates);
    assertTrue(lateUpdates > 50, "some late updates: " + lateUpdates);
  }

  @Test
  void ordersTransactionsByDate_andAlwaysNamesACustomer() {
    for (int i = 1; i < TRANSACTIONS.size(); i++) {
      assertTrue(TRANSACTIONS.get(i)[9].compareTo(TRANSACTIONS.get(i - 1)[9]) >= 0);
    }
    Set<String> customers = new HashSet<>();
    rows(DemoData.customers()).forEach(row -> customers.add(row[0]));
    TRANSACTIONS.forEach(row -> assertTrue(customers.contains(row[1]), row[1]));
    assertTrue(TRANSACTIONS.stream().anyMatch(row -> row[7].isEmpty()), "merchant is sometimes null");
  }

  @Test
  void givesEveryProductAnExistingCategory() {
    Set<String> categories = new HashSet<>();
    rows(DemoData.productCategories()).forEach(row -> categories.add(row[0]));

    assertEquals(DemoData.CATEGORIES, categories.size());
    for (String line : DemoData.products().lines().skip(1).toList()) {
      String[] head = line.substring(line.lastIndexOf('"') + 2).split(",", -1);
      assertTrue(categories.contains(head[0]), line);
      assertFalse(head[1].isEmpty(), "price is always present");
    }
  }

  /** Data rows split on commas; fields before the first quoted one are exact. */
  private static List<String[]> rows(String csv) {
    return csv.lines().skip(1).map(line -> line.split(",", -1)).toList();
  }
}
