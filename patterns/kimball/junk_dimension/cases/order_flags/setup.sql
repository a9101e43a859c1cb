CREATE TABLE staging.orders (order_id INT, is_gift BOOLEAN, payment_type STRING, channel STRING) USING DELTA;
INSERT INTO staging.orders VALUES (1, true, 'card', 'web'), (2, false, 'card', 'web'), (3, true, 'card', 'web'), (4, false, NULL, 'store');
