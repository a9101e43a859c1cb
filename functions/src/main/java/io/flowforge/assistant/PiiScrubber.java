package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data before anything leaves the machine for a language model: e-mail addresses, payment
 * card numbers (Luhn-checked), phone numbers and national id shapes are masked in any text; columns whose
 * names say they hold personal data lose their values entirely, since a person's name has no shape to
 * detect.
 */
public final class PiiScrubber {
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");
  private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d{1,4}\\)?[ .-]?\\d{2,4}[ .-]\\d{3,4}[ .-]?\\d{0,4}");
  private static final Pattern SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");
  private static final Pattern PERSONAL_COLUMN =
      Pattern.compile(
          "(first|last|middle|full|given|family|sur|user|customer|contact|person)_?name|^name$|e_?mail|phone|mobile|fax"
              + "|address|street|postal|zip|birth|dob|ssn|social|passport|national|tax_?id|iban|account_?n|card|cvv"
              + "|password|secret|token|ip_?addr|salary|gender|ethnic|religio|health|diagnos|licen[cs]e");

  private PiiScrubber() {}

  /** True when a column's name says its values are about a person. */
  public static boolean isPersonalColumn(String columnName) {
    String name = columnName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return PERSONAL_COLUMN.matcher(name).find();
  }

  /** Masks e-mails, card numbers, phone numbers and id numbers in a text. */
  public static String scrub(String text) {
    String out = EMAIL.matcher(text).replaceAll("[email]");
    out = SSN.matcher(out).replaceAll("[id]");
    Matcher card = CARD.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (card.find()) {
      String digits = card.group().replaceAll("[ -]", "");
      card.appendReplacement(sb, luhn(digits) ? "[card]" : Matcher.quoteReplacement(card.group()));
    }
    card.appendTail(sb);
    return PHONE.matcher(sb.toString()).replaceAll("[phone]");
  }

  /** A copy of a JSON tree with every string scrubbed, and values under personal-looking keys removed. */
  public static JsonNode scrub(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(scrub(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(child -> copy.add(scrub(child)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), scrub(field.getValue()));
      }
      return copy;
    }
    return node;
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
