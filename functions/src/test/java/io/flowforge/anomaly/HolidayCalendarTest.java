package io.flowforge.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.FlowForgeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {
  @Test
  void computesEasterSunday_forKnownYears() {
    assertEquals(LocalDate.of(2024, 3, 31), HolidayCalendar.easterSunday(2024));
    assertEquals(LocalDate.of(2025, 4, 20), HolidayCalendar.easterSunday(2025));
    assertEquals(LocalDate.of(2019, 4, 21), HolidayCalendar.easterSunday(2019));
    assertEquals(LocalDate.of(2038, 4, 25), HolidayCalendar.easterSunday(2038));
  }

  @Test
  void findsEasterBasedHolidays_inGermanyAndFrance() {
    HolidayCalendar germany = HolidayCalendar.of("de");
    assertEquals("Karfreitag", germany.holidayOn(LocalDate.of(2025, 4, 18)).orElseThrow());
    assertEquals("Christi Himmelfahrt", germany.holidayOn(LocalDate.of(2025, 5, 29)).orElseThrow());
    assertEquals("Lundi de Pentecôte", HolidayCalendar.of("FR").holidayOn(LocalDate.of(2025, 6, 9)).orElseThrow());
  }

  @Test
  void findsWeekdayRuleAndObservedHolidays_inTheUs() {
    HolidayCalendar us = HolidayCalendar.of("US");
    assertEquals("Thanksgiving Day", us.holidayOn(LocalDate.of(2025, 11, 27)).orElseThrow());
    assertEquals("Memorial Day", us.holidayOn(LocalDate.of(2025, 5, 26)).orElseThrow());
    // July 4th 2026 is a Saturday, observed on Friday the 3rd.
    assertTrue(us.holidayOn(LocalDate.of(2026, 7, 3)).orElseThrow().contains("observed"));
    assertTrue(us.holidayOn(LocalDate.of(2025, 7, 8)).isEmpty());
  }

  @Test
  void movesWeekendChristmasToSubstituteDays_inTheUk() {
    // Christmas 2021 fell on a Saturday and Boxing Day on a Sunday: substitutes Monday 27 and Tuesday 28.
    HolidayCalendar uk = HolidayCalendar.of("GB");
    assertTrue(uk.holidayOn(LocalDate.of(2021, 12, 27)).isPresent());
    assertTrue(uk.holidayOn(LocalDate.of(2021, 12, 28)).isPresent());
    assertTrue(uk.holidayOn(LocalDate.of(2021, 12, 29)).isEmpty());
  }

  @Test
  void rejectsUnknownCountry_withTheSupportedList() {
    FlowForgeException error = assertThrows(FlowForgeException.class, () -> HolidayCalendar.of("XX"));
    assertTrue(error.getMessage().contains("US"));
  }
}
