CREATE TABLE staging.product (product_id INT, name STRING, description STRING, price DECIMAL(10,2), category_id INT, category_name STRING) USING DELTA;
INSERT INTO staging.product VALUES
  (1, 'Road bike', 'Carbon frame', 1200.00, 10, 'Bikes'),
  (2, 'Helmet', 'Size M', 45.50, 20, 'Accessories'),
  (3, 'Pump', NULL, 19.99, 20, 'Accessories');
