package dev.paykit.core.internal.spec;

/**
 * RFC 3339 section 5.6 {@code full-date}, {@code full-time} and {@code date-time}, the JSON Schema
 * {@code date}, {@code time} and {@code date-time} formats. Stricter than {@code OffsetDateTime.parse}
 * where the RFC is: seconds and an offset of {@code Z} or {@code ±hh:mm} are required, digits are
 * ASCII; and where the RFC is more lenient: any number of fraction digits, {@code t}/{@code z} in lower
 * case, and a leap second ({@code :60}) at 23:59 UTC. Parses by position, so a rejected text costs no
 * exception.
 */
final class Rfc3339 {

  private Rfc3339() {}

  /** {@code 2024-02-29}. */
  static boolean isDate(String s) {
    return s.length() == 10 && isDateAt(s, 0);
  }

  /** {@code 12:00:00Z}, {@code 23:59:60.5-08:00}... */
  static boolean isTime(String s) {
    return isTimeAt(s, 0);
  }

  /** {@code 2024-01-31T12:00:00Z}, {@code 2024-01-31t12:00:00.123+02:00}... */
  static boolean isDateTime(String s) {
    return s.length() > 11 && isDateAt(s, 0) && (s.charAt(10) == 'T' || s.charAt(10) == 't') && isTimeAt(s, 11);
  }

  private static boolean isDateAt(String s, int at) {
    if (s.length() < at + 10 || s.charAt(at + 4) != '-' || s.charAt(at + 7) != '-') {
      return false;
    }
    int year = digits(s, at, 4);
    int month = digits(s, at + 5, 2);
    int day = digits(s, at + 8, 2);
    return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
  }

  private static boolean isTimeAt(String s, int at) {
    if (s.length() < at + 9 || s.charAt(at + 2) != ':' || s.charAt(at + 5) != ':') {
      return false;
    }
    int hour = digits(s, at, 2);
    int minute = digits(s, at + 3, 2);
    int second = digits(s, at + 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
      return false;
    }
    int i = at + 8;
    if (i < s.length() && s.charAt(i) == '.') {
      int start = ++i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i >= s.length()) {
      return false;
    }
    int offsetMinutes;
    char sign = s.charAt(i);
    if ((sign == 'Z' || sign == 'z') && i + 1 == s.length()) {
      offsetMinutes = 0;
    } else if ((sign == '+' || sign == '-') && i + 6 == s.length() && s.charAt(i + 3) == ':') {
      int offsetHour = digits(s, i + 1, 2);
      int offsetMinute = digits(s, i + 4, 2);
      if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) {
        return false;
      }
      offsetMinutes = (sign == '+' ? 1 : -1) * (offsetHour * 60 + offsetMinute);
    } else {
      return false;
    }
    // a leap second is only ever inserted as 23:59:60 UTC
    return second < 60 || Math.floorMod(hour * 60 + minute - offsetMinutes, 24 * 60) == 23 * 60 + 59;
  }

  private static int daysIn(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
      case 4: case 6: case 9: case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The value of {@code count} ASCII digits at {@code at}, or -1. */
  private static int digits(String s, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
