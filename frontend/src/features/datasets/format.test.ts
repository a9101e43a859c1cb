import { describe, expect, it } from "vitest";
import { datasetNameFromFile, detectFormat, formatBytes } from "./format";

describe("detectFormat", () => {
  it.each([
    ["bank_transactions.csv", "csv"],
    ["EVENTS.JSONL", "jsonl"],
    ["events.ndjson", "jsonl"],
    ["sales.2024.parquet", "parquet"],
    ["part-0001.pq", "parquet"],
  ])("reads %s as %s", (fileName, format) => {
    expect(detectFormat(fileName)).toBe(format);
  });

  it.each(["notes.txt", "archive.csv.gz", "README", ".csv", "data.json"])(
    "leaves the choice to the person for %s",
    (fileName) => {
      expect(detectFormat(fileName)).toBeNull();
    },
  );
});

describe("datasetNameFromFile", () => {
  it("drops the extension and any folder", () => {
    expect(datasetNameFromFile("bank_transactions.csv")).toBe("bank_transactions");
    expect(datasetNameFromFile("C:\\data\\sales.2024.parquet")).toBe("sales.2024");
    expect(datasetNameFromFile(".hidden")).toBe(".hidden");
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1536, "1.5 KB"],
    [10 * 1024 * 1024, "10 MB"],
    [3.25 * 1024 ** 3, "3.3 GB"],
  ])("writes %d bytes as %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
