CREATE TABLE staging.product (product_id INT, name STRING, price DECIMAL(10,2)) USING DELTA;
INSERT INTO staging.product VALUES (1, 'Road bike', 1200.00), (2, 'Helmet', 45.50), (3, 'Pump', 19.99);
