package io.flowforge.anomaly;

import io.flowforge.core.FlowForgeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Public holidays of a country, computed from their rules (fixed dates, Easter-relative dates and n-th
 * weekday dates) so nothing is downloaded. Covers the national holidays of the United States, the United
 * Kingdom (England and Wales), Germany and France; a fixed-date holiday that falls on a weekend also yields
 * the weekday on which it is observed in the US and the UK.
 */
public final class HolidayCalendar {
  /** Country codes (ISO 3166-1 alpha-2) with a calendar. */
  public static final Set<String> COUNTRIES = Set.of("US", "GB", "DE", "FR");

  private final String country;

  private HolidayCalendar(String country) {
    this.country = country;
  }

  public static HolidayCalendar of(String countryCode) {
    String code = countryCode == null ? "" : countryCode.trim().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      throw FlowForgeException.invalid(
          "/country",
          "No holiday calendar for country '" + countryCode + "'; use one of " + COUNTRIES + ".");
    }
    return new HolidayCalendar(code);
  }

  public String country() {
    return country;
  }

  /** The holiday name on that date, if the date is a public holiday (or the day one is observed). */
  public Optional<String> holidayOn(LocalDate date) {
    return Optional.ofNullable(holidays(date.getYear()).get(date));
  }

  /** All holidays of a year, by date. */
  public Map<LocalDate, String> holidays(int year) {
    Map<LocalDate, String> days = new TreeMap<>();
    LocalDate easter = easterSunday(year);
    switch (country) {
      case "US" -> {
        observed(days, LocalDate.of(year, 1, 1), "New Year's Day");
        days.put(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3), "Martin Luther King Jr. Day");
        days.put(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), "Washington's Birthday");
        days.put(last(year, Month.MAY, DayOfWeek.MONDAY), "Memorial Day");
        if (year >= 2021) {
          observed(days, LocalDate.of(year, 6, 19), "Juneteenth");
        }
        observed(days, LocalDate.of(year, 7, 4), "Independence Day");
        days.put(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), "Labor Day");
        days.put(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2), "Columbus Day");
        observed(days, LocalDate.of(year, 11, 11), "Veterans Day");
        days.put(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4), "Thanksgiving Day");
        observed(days, LocalDate.of(year, 12, 25), "Christmas Day");
      }
      case "GB" -> {
        observed(days, LocalDate.of(year, 1, 1), "New Year's Day");
        days.put(easter.minusDays(2), "Good Friday");
        days.put(easter.plusDays(1), "Easter Monday");
        days.put(nth(year, Month.MAY, DayOfWeek.MONDAY, 1), "Early May bank holiday");
        days.put(last(year, Month.MAY, DayOfWeek.MONDAY), "Spring bank holiday");
        days.put(last(year, Month.AUGUST, DayOfWeek.MONDAY), "Summer bank holiday");
        boxingDayAndChristmas(days, year);
      }
      case "DE" -> {
        days.put(LocalDate.of(year, 1, 1), "Neujahr");
        days.put(easter.minusDays(2), "Karfreitag");
        days.put(easter.plusDays(1), "Ostermontag");
        days.put(LocalDate.of(year, 5, 1), "Tag der Arbeit");
        days.put(easter.plusDays(39), "Christi Himmelfahrt");
        days.put(easter.plusDays(50), "Pfingstmontag");
        days.put(LocalDate.of(year, 10, 3), "Tag der Deutschen Einheit");
        days.put(LocalDate.of(year, 12, 25), "1. Weihnachtstag");
        days.put(LocalDate.of(year, 12, 26), "2. Weihnachtstag");
      }
      default -> {
        days.put(LocalDate.of(year, 1, 1), "Jour de l'an");
        days.put(easter.plusDays(1), "Lundi de Pâques");
        days.put(LocalDate.of(year, 5, 1), "Fête du Travail");
        days.put(LocalDate.of(year, 5, 8), "Victoire 1945");
        days.put(easter.plusDays(39), "Ascension");
        days.put(easter.plusDays(50), "Lundi de Pentecôte");
        days.put(LocalDate.of(year, 7, 14), "Fête nationale");
        days.put(LocalDate.of(year, 8, 15), "Assomption");
        days.put(LocalDate.of(year, 11, 1), "Toussaint");
        days.put(LocalDate.of(year, 11, 11), "Armistice");
        days.put(LocalDate.of(year, 12, 25), "Noël");
      }
    }
    return days;
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian, or Meeus/Jones/Butcher, algorithm). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private static LocalDate nth(int year, Month month, DayOfWeek weekday, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
  }

  private static LocalDate last(int year, Month month, DayOfWeek weekday) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(weekday));
  }

  // US rule: a Saturday holiday is observed on the Friday, a Sunday one on the Monday.
  // UK rule (substitute day): a weekend holiday moves to the next weekday that is not already a holiday.
  private void observed(Map<LocalDate, String> days, LocalDate date, String name) {
    days.put(date, name);
    if (country.equals("US")) {
      if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
        days.put(date.minusDays(1), name + " (observed)");
      } else if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        days.put(date.plusDays(1), name + " (observed)");
      }
    } else if (isWeekend(date)) {
      days.put(date.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), name + " (substitute day)");
    }
  }

  private static void boxingDayAndChristmas(Map<LocalDate, String> days, int year) {
    LocalDate christmas = LocalDate.of(year, 12, 25);
    LocalDate boxing = LocalDate.of(year, 12, 26);
    days.put(christmas, "Christmas Day");
    days.put(boxing, "Boxing Day");
    LocalDate next = boxing.plusDays(1);
    for (LocalDate holiday : new LocalDate[] {christmas, boxing}) {
      if (isWeekend(holiday)) {
        while (isWeekend(next) || days.containsKey(next)) {
          next = next.plusDays(1);
        }
        days.put(next, days.get(holiday) + " (substitute day)");
        next = next.plusDays(1);
      }
    }
  }

  static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
