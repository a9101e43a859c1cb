package io.flowforge.profiling;

/** Kinds of personal or sensitive data a column may hold, detected from its values and name. */
public enum PiiClass {
  EMAIL,
  PHONE,
  CARD_NUMBER,
  IBAN,
  NATIONAL_ID,
  PERSON_NAME
}
