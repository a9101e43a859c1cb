CREATE TABLE mart.dim_product (product_key BIGINT, product_id INT, is_current BOOLEAN) USING DELTA;
INSERT INTO mart.dim_product VALUES (-1, NULL, true), (1, 1, true), (2, 2, true), (3, 3, true);
CREATE TABLE mart.dim_store (store_key BIGINT, store_code STRING) USING DELTA;
INSERT INTO mart.dim_store VALUES (-1, NULL), (1, 'S1'), (2, 'S2');
CREATE TABLE mart.dim_date (date_key INT, full_date DATE) USING DELTA;
INSERT INTO mart.dim_date SELECT CAST(date_format(d, 'yyyyMMdd') AS INT), d FROM (SELECT explode(sequence(DATE'2024-01-01', DATE'2024-02-29', INTERVAL 1 DAY)) AS d);
INSERT INTO mart.dim_date VALUES (-1, NULL);
CREATE TABLE staging.sale (sale_id BIGINT, line_no INT, product_id INT, store_code STRING, sold_at TIMESTAMP, shipped_at TIMESTAMP, delivered_at TIMESTAMP, quantity INT, amount DECIMAL(12,2)) USING DELTA;
INSERT INTO staging.sale VALUES
  (100, 1, 1, 'S1', TIMESTAMP'2024-01-05 10:00:00', TIMESTAMP'2024-01-06 09:00:00', TIMESTAMP'2024-01-09 12:00:00', 1, 1200.00),
  (100, 2, 2, 'S1', TIMESTAMP'2024-01-05 10:00:00', TIMESTAMP'2024-01-06 09:00:00', NULL, 2, 91.00),
  (101, 1, 3, 'S9', TIMESTAMP'2024-02-01 15:30:00', NULL, NULL, 1, 19.99),
  (102, 1, 99, 'S2', TIMESTAMP'2024-02-02 08:00:00', NULL, NULL, 3, 30.00);
