CREATE TABLE staging.nothing (x INT) USING DELTA;
