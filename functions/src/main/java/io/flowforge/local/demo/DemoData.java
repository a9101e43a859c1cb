package io.flowforge.local.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo workspace's tables, generated from a fixed seed so every start produces the same bytes. The
 * data carries what FlowForge's suggestions look for: a unique business key with exact duplicates and late
 * updates of the same key, a monotonically increasing event timestamp, a foreign key, and nulls in
 * optional columns only.
 */
public final class DemoData {
  static final int CUSTOMERS = 400;
  static final int TRANSACTIONS = 3_000;
  static final int CATEGORIES = 24;
  static final int PRODUCTS = 300;
  private static final long SEED = 20_240_601L;
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final LocalDateTime FIRST_TRANSACTION = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final String[] FIRST_NAMES = {
    "Olivia", "Noah", "Charlotte", "Jack", "Amelia", "William", "Isla", "Oliver", "Mia", "Leo", "Ava", "Henry",
    "Grace", "Thomas", "Chloe", "Lucas", "Zoe", "James", "Ruby", "Ethan", "Priya", "Wei", "Aisha", "Mateo"
  };
  private static final String[] LAST_NAMES = {
    "Smith", "Nguyen", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White", "Martin", "Anderson",
    "Thompson", "Lee", "Walker", "Harris", "Ryan", "Robinson", "Kelly", "King", "Singh", "Chen", "Patel", "Rossi"
  };
  private static final String[][] CITIES = {
    {"Sydney", "NSW"}, {"Melbourne", "VIC"}, {"Brisbane", "QLD"}, {"Perth", "WA"}, {"Adelaide", "SA"},
    {"Hobart", "TAS"}, {"Canberra", "ACT"}, {"Darwin", "NT"}, {"Newcastle", "NSW"}, {"Geelong", "VIC"}
  };
  private static final String[] SEGMENTS = {"retail", "retail", "retail", "premier", "business"};
  private static final String[] MERCHANTS = {
    "Woolworths", "Coles", "Aldi", "Bunnings", "JB Hi-Fi", "Qantas", "Shell", "Ampol", "Uber", "Netflix",
    "Officeworks", "Kmart", "Chemist Warehouse", "Dan Murphy's", "Telstra", "Origin Energy"
  };
  private static final String[] CHANNELS = {"card", "card", "card", "online", "online", "branch", "atm"};
  private static final String[][] CATEGORY_NAMES = {
    {"Bikes", "Mountain, road and touring bikes"}, {"Helmets", "Road and trail helmets"},
    {"Jerseys", "Short and long sleeve jerseys"}, {"Gloves", "Full and half finger gloves"},
    {"Lights", "Front and rear lights"}, {"Locks", "Cable and D locks"}, {"Pumps", "Floor and mini pumps"},
    {"Tyres", "Road, gravel and MTB tyres"}, {"Tubes", "Inner tubes and patches"},
    {"Wheels", "Wheelsets and rims"}, {"Saddles", "Road and comfort saddles"}, {"Pedals", "Flat and clipless pedals"},
    {"Chains", "Chains and quick links"}, {"Brakes", "Disc and rim brakes"}, {"Bottles", "Bottles and cages"},
    {"Bags", "Saddle, frame and handlebar bags"}, {"Racks", "Rear and front racks"},
    {"Fenders", "Mudguards"}, {"Shorts", "Bib shorts and baggies"}, {"Socks", "Cycling socks"},
    {"Cleaners", "Degreasers and wash"}, {"Lubricants", "Chain lube and grease"},
    {"Tools", "Multi-tools and workshop tools"}, {"Computers", "GPS and bike computers"}
  };
  private static final String[] ADJECTIVES = {"Classic", "Pro", "Sport", "Comfort", "Race", "Urban", "Trail", "Lite"};

  private DemoData() {}

  /** A named CSV table. */
  public record Table(String name, String csv) {}

  public static List<Table> tables() {
    return List.of(
        new Table("bank_transactions", bankTransactions()),
        new Table("customers", customers()),
        new Table("productcategory", productCategories()),
        new Table("product", products()));
  }

  static String customers() {
    Random random = new Random(SEED);
    StringBuilder csv = new StringBuilder("customer_id,first_name,last_name,email,phone,city,state,segment,created_at\n");
    LocalDateTime joined = LocalDateTime.of(2019, 3, 1, 9, 0);
    for (int i = 1; i <= CUSTOMERS; i++) {
      String first = pick(random, FIRST_NAMES);
      String last = pick(random, LAST_NAMES);
      String[] city = CITIES[random.nextInt(CITIES.length)];
      joined = joined.plusHours(6 + random.nextInt(120));
      String email = random.nextInt(100) < 4 ? "" : (first + "." + last + i + "@example.com").toLowerCase();
      String phone = random.nextInt(100) < 15 ? "" : "04" + (10_000_000 + random.nextInt(89_999_999));
      csv.append(customerId(i)).append(',').append(first).append(',').append(last).append(',')
          .append(email).append(',').append(phone).append(',').append(city[0]).append(',')
          .append(city[1]).append(',').append(pick(random, SEGMENTS)).append(',')
          .append(TIMESTAMP.format(joined)).append('\n');
    }
    return csv.toString();
  }

  /**
   * About 3,000 transactions in time order. Roughly 1.5% are repeated byte for byte (a replayed extract)
   * and 4% get a later row with the same {@code transaction_id}, the later {@code transaction_date} at which
   * it posted and its final status (a pending card payment that posted), so the latest row per transaction
   * is the one with the latest {@code transaction_date}.
   */
  static String bankTransactions() {
    Random random = new Random(SEED + 1);
    // Rows by the time they enter the extract: a posting lands after the transactions made meanwhile.
    List<Map.Entry<LocalDateTime, String>> rows = new ArrayList<>();
    LocalDateTime at = FIRST_TRANSACTION;
    for (int i = 1; i <= TRANSACTIONS; i++) {
      at = at.plusSeconds(60 + random.nextInt(3 * 3600));
      int customer = 1 + random.nextInt(CUSTOMERS);
      String type = random.nextInt(100) < 78 ? "DEBIT" : random.nextInt(2) == 0 ? "CREDIT" : "TRANSFER";
      String channel = pick(random, CHANNELS);
      boolean purchase = type.equals("DEBIT") && !channel.equals("atm");
      String merchant = purchase && random.nextInt(100) >= 6 ? pick(random, MERCHANTS) : "";
      boolean lateUpdate = random.nextInt(100) < 4;
      String status = lateUpdate ? "PENDING" : random.nextInt(200) == 0 ? "DECLINED" : "POSTED";
      String row =
          transactionId(i) + "," + customerId(customer) + ",ACC" + (100_000 + customer) + "," + amount(random, type)
              + ",AUD," + type + "," + channel + "," + merchant + ",";
      rows.add(Map.entry(at, row + status + "," + TIMESTAMP.format(at)));
      if (lateUpdate) {
        LocalDateTime posted = at.plusHours(12 + random.nextInt(60));
        rows.add(Map.entry(posted, row + "POSTED," + TIMESTAMP.format(posted)));
      } else if (random.nextInt(1000) < 15) {
        rows.add(Map.entry(at, row + status + "," + TIMESTAMP.format(at)));
      }
    }
    rows.sort(Map.Entry.comparingByKey()); // stable: a replayed row stays next to its original
    StringBuilder csv =
        new StringBuilder(
            "transaction_id,customer_id,account_id,amount,currency,transaction_type,channel,merchant,status,"
                + "transaction_date\n");
    rows.forEach(row -> csv.append(row.getValue()).append('\n'));
    return csv.toString();
  }

  static String productCategories() {
    StringBuilder csv = new StringBuilder("category_id,name,description,created_at\n");
    LocalDate created = LocalDate.of(2018, 7, 1);
    for (int i = 0; i < CATEGORIES; i++) {
      csv.append(i + 1).append(',').append(CATEGORY_NAMES[i][0]).append(",\"").append(CATEGORY_NAMES[i][1])
          .append("\",").append(created.plusDays(i * 9L)).append('\n');
    }
    return csv.toString();
  }

  /** Every product belongs to one category; categories have many products. */
  static String products() {
    Random random = new Random(SEED + 2);
    StringBuilder csv = new StringBuilder("product_id,sku,name,description,category_id,price,color,weight_kg,modified_date\n");
    LocalDateTime modified = LocalDateTime.of(2023, 1, 2, 8, 0);
    List<String> colours = new ArrayList<>(List.of("Black", "Red", "Silver", "Blue", "White", "Yellow"));
    for (int i = 1; i <= PRODUCTS; i++) {
      int category = 1 + random.nextInt(CATEGORIES);
      String base = CATEGORY_NAMES[category - 1][0];
      String singular = base.endsWith("s") ? base.substring(0, base.length() - 1) : base;
      String name = pick(random, ADJECTIVES) + " " + singular + " " + (100 + random.nextInt(900));
      String colour = random.nextInt(100) < 20 ? "" : colours.get(random.nextInt(colours.size()));
      String weight = random.nextInt(100) < 10 ? "" : scaled(0.05 + random.nextDouble() * 14, 2);
      BigDecimal price = new BigDecimal(scaled(4.95 + Math.pow(random.nextDouble(), 3) * 2400, 2));
      modified = modified.plusMinutes(30 + random.nextInt(2000));
      csv.append(i).append(",SKU-").append(String.format("%05d", 10_000 + i * 7)).append(',').append(name)
          .append(",\"").append(name).append(" for ").append(CATEGORY_NAMES[category - 1][1].toLowerCase())
          .append(", ").append(colour.isEmpty() ? "assorted colours" : colour.toLowerCase()).append("\",")
          .append(category).append(',').append(price.toPlainString()).append(',').append(colour).append(',')
          .append(weight).append(',').append(TIMESTAMP.format(modified)).append('\n');
    }
    return csv.toString();
  }

  private static String amount(Random random, String type) {
    double value =
        switch (type) {
          case "CREDIT" -> 200 + random.nextDouble() * 6_800;
          case "TRANSFER" -> 20 + random.nextDouble() * 2_980;
          default -> Math.exp(1.5 + random.nextGaussian() * 1.1 + 1.6);
        };
    return scaled(Math.min(Math.max(value, 1), 9_999), 2);
  }

  private static String scaled(double value, int scale) {
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  private static String customerId(int i) {
    return String.format("C%05d", i);
  }

  private static String transactionId(int i) {
    return String.format("TX%07d", 1_000_000 + i);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
