CREATE TABLE staging.unit_measure (unit_measure_code STRING, name STRING) USING DELTA;
INSERT INTO staging.unit_measure VALUES ('KG', 'Kilogram'), ('CM', 'Centimeter'), ('EA', 'Each');
