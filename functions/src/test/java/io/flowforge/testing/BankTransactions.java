package io.flowforge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a deterministic bank_transactions CSV like the seed's example: sequential ids, transactions in time
 * order, then re-delivered rows (exact duplicates) and late updates (same id, later timestamp, new status).
 */
public final class BankTransactions {
  private BankTransactions() {}

  public static Path write(Path dir, int rows, int exactDuplicates, int lateUpdates) {
    Random random = new Random(7);
    LocalDateTime start = LocalDateTime.of(2024, 1, 1, 8, 0);
    List<String[]> lines = new ArrayList<>();
    for (int i = 1; i <= rows; i++) {
      String[] row = {
        String.valueOf(i),
        String.valueOf(1000 + random.nextInt(200)),
        start.plusMinutes(i * 37L).toString().replace('T', ' ') + ":00",
        String.format(Locale.ROOT, "%.2f", 1 + random.nextDouble() * 4999),
        random.nextBoolean() ? "DEBIT" : "CREDIT",
        random.nextInt(10) < 8 ? "POSTED" : "PENDING",
        "AU" + (10 + random.nextInt(89)) + "-" + (1000 + random.nextInt(9000))
      };
      lines.add(row);
    }
    for (int i = 0; i < exactDuplicates; i++) {
      lines.add(lines.get(random.nextInt(rows)).clone());
    }
    for (int i = 0; i < lateUpdates; i++) {
      String[] original = lines.get(random.nextInt(rows));
      String[] update = original.clone();
      update[2] = LocalDateTime.parse(original[2].replace(' ', 'T')).plusHours(30).toString().replace('T', ' ') + ":00";
      update[5] = "REVERSED";
      lines.add(update);
    }
    StringBuilder csv = new StringBuilder("transaction_id,customer_id,transaction_date,amount,transaction_type,status,branch_code\n");
    lines.forEach(l -> csv.append(String.join(",", l)).append('\n'));
    Path file = dir.resolve("bank_transactions.csv");
    try {
      Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
