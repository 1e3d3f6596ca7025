/**
 * The sample shop every embedded install gets to integrate with at once: our own schema and data,
 * small enough to read, shaped to show what the wizard handles (decimals, dates and times, NULLs,
 * literal and CURRENT_TIMESTAMP defaults, an AUTOINCREMENT key, a composite key, foreign keys, a view).
 * Fixed timestamps everywhere, so every install holds the same rows; ANALYZE at the end gives the
 * wizard row estimates.
 */
export const SAMPLE_DATABASE_SQL = `
PRAGMA foreign_keys = ON;

CREATE TABLE categories (
  category_id INTEGER PRIMARY KEY,
  name VARCHAR(60) NOT NULL UNIQUE,
  description TEXT,
  parent_category_id INTEGER REFERENCES categories (category_id)
);

CREATE TABLE customers (
  customer_id INTEGER PRIMARY KEY AUTOINCREMENT,
  email VARCHAR(120) NOT NULL UNIQUE,
  first_name NVARCHAR(60) NOT NULL,
  last_name NVARCHAR(60) NOT NULL,
  phone VARCHAR(30),
  city NVARCHAR(80),
  country_code CHAR(2) NOT NULL DEFAULT 'US',
  birth_date DATE,
  marketing_opt_in BOOLEAN NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE products (
  product_id INTEGER PRIMARY KEY,
  sku VARCHAR(20) NOT NULL UNIQUE,
  name NVARCHAR(120) NOT NULL,
  category_id INTEGER NOT NULL REFERENCES categories (category_id),
  unit_price DECIMAL(10,2) NOT NULL,
  weight_kg DECIMAL(6,3),
  stock_quantity INTEGER NOT NULL DEFAULT 0,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  attributes JSON,
  created_at DATETIME NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX idx_products_category ON products (category_id);

CREATE TABLE orders (
  order_id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  order_date DATE NOT NULL,
  status VARCHAR(12) NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
  delivery_slot_start TIME,
  shipped_at DATETIME,
  shipping_fee DECIMAL(8,2) NOT NULL DEFAULT 0,
  notes TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_orders_customer ON orders (customer_id);
CREATE INDEX idx_orders_status_date ON orders (status, order_date);

CREATE TABLE order_items (
  order_id INTEGER NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
  line_number INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products (product_id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price DECIMAL(10,2) NOT NULL,
  discount_percent DECIMAL(5,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id, line_number)
);
CREATE INDEX idx_order_items_product ON order_items (product_id);

CREATE VIEW order_totals AS
SELECT o.order_id,
       o.customer_id,
       o.order_date,
       o.status,
       COUNT(i.line_number) AS item_count,
       ROUND(COALESCE(SUM(i.quantity * i.unit_price * (100 - i.discount_percent) / 100), 0), 2) AS items_total,
       o.shipping_fee,
       ROUND(COALESCE(SUM(i.quantity * i.unit_price * (100 - i.discount_percent) / 100), 0) + o.shipping_fee, 2)
         AS order_total
FROM orders AS o
LEFT JOIN order_items AS i ON i.order_id = o.order_id
GROUP BY o.order_id;

INSERT INTO categories (category_id, name, description, parent_category_id) VALUES
  (1, 'Kitchen', 'Everything for cooking and serving', NULL),
  (2, 'Coffee & Tea', 'Brewers, grinders and beans', 1),
  (3, 'Cookware', 'Pans, pots and baking trays', 1),
  (4, 'Outdoor', 'Camping and garden gear', NULL),
  (5, 'Camping', NULL, 4),
  (6, 'Office', 'Desks, lamps and paper goods', NULL);

INSERT INTO customers
  (customer_id, email, first_name, last_name, phone, city, country_code, birth_date, marketing_opt_in, created_at)
VALUES
  (1, 'maya.okafor@example.com', 'Maya', 'Okafor', '+1 415 555 0101', 'San Francisco', 'US', '1988-04-12', 1, '2024-01-08 09:15:00'),
  (2, 'lukas.brenner@example.com', 'Lukas', 'Brenner', NULL, 'Graz', 'AT', '1979-11-30', 0, '2024-01-19 17:42:10'),
  (3, 'ines.carvalho@example.com', 'Inês', 'Carvalho', '+351 21 555 0199', 'Lisboa', 'PT', NULL, 1, '2024-02-02 11:03:55'),
  (4, 'tom.whitfield@example.com', 'Tom', 'Whitfield', '+44 20 5550 0133', 'Leeds', 'GB', '1995-07-21', 0, '2024-02-14 08:30:00'),
  (5, 'akira.sato@example.com', 'Akira', 'Satō', NULL, NULL, 'JP', '1991-02-03', 0, '2024-03-01 23:59:59'),
  (6, 'sofia.lindqvist@example.com', 'Sofia', 'Lindqvist', '+46 8 555 0170', 'Uppsala', 'SE', '1984-09-09', 1, '2024-03-11 12:00:00'),
  (7, 'daniel.ruiz@example.com', 'Daniel', 'Ruiz', '+1 512 555 0147', 'Austin', 'US', NULL, 0, '2024-04-05 15:20:31'),
  (8, 'chloe.martin@example.com', 'Chloé', 'Martin', NULL, 'Lyon', 'FR', '2000-12-24', 1, '2024-04-27 10:10:10'),
  (9, 'noah.adeyemi@example.com', 'Noah', 'Adeyemi', '+234 1 555 0112', 'Lagos', 'NG', '1993-06-15', 0, '2024-05-13 07:45:00'),
  (10, 'emma.kowalska@example.com', 'Emma', 'Kowalska', '+48 22 555 0188', 'Kraków', 'PL', '1986-03-28', 1, '2024-06-01 19:05:44');

INSERT INTO products
  (product_id, sku, name, category_id, unit_price, weight_kg, stock_quantity, is_active, attributes, created_at)
VALUES
  (1, 'KIT-POUR-01', 'Glass pour-over coffee maker', 2, 34.90, 0.450, 42, 1, '{"capacity_ml": 600, "material": "borosilicate"}', '2023-11-02 10:00:00'),
  (2, 'KIT-GRND-02', 'Burr coffee grinder', 2, 89.00, 1.200, 15, 1, '{"settings": 18}', '2023-11-02 10:00:00'),
  (3, 'KIT-BEAN-03', 'Single-origin beans, 1 kg', 2, 24.50, 1.000, 120, 1, '{"origin": "Huila, Colombia", "roast": "medium"}', '2023-11-15 09:30:00'),
  (4, 'KIT-KETL-04', 'Gooseneck kettle', 2, 59.95, 0.900, 0, 1, NULL, '2023-12-01 14:00:00'),
  (5, 'KIT-SKLT-05', 'Cast iron skillet, 26 cm', 3, 45.00, 2.600, 33, 1, '{"diameter_cm": 26}', '2023-12-01 14:00:00'),
  (6, 'KIT-DUTC-06', 'Enamelled Dutch oven', 3, 129.00, 5.100, 8, 1, '{"volume_l": 4.7}', '2024-01-10 08:00:00'),
  (7, 'KIT-TRAY-07', 'Baking tray set (3)', 3, 19.99, 1.400, 64, 1, NULL, '2024-01-10 08:00:00'),
  (8, 'OUT-TENT-08', 'Two-person tent', 5, 249.00, 2.300, 11, 1, '{"season": 3, "berths": 2}', '2024-02-20 16:45:00'),
  (9, 'OUT-STOV-09', 'Compact gas stove', 5, 39.90, 0.350, 27, 1, NULL, '2024-02-20 16:45:00'),
  (10, 'OUT-LAMP-10', 'Rechargeable lantern', 5, 29.00, NULL, 50, 1, NULL, '2024-03-03 12:00:00'),
  (11, 'OUT-HOSE-11', 'Garden hose, 25 m', 4, 34.75, 3.800, 0, 0, NULL, '2024-03-03 12:00:00'),
  (12, 'OFF-DESK-12', 'Standing desk frame', 6, 399.00, 28.000, 4, 1, '{"height_cm": [62, 127]}', '2024-04-01 09:00:00'),
  (13, 'OFF-LAMP-13', 'LED desk lamp', 6, 49.90, 1.100, 23, 1, NULL, '2024-04-01 09:00:00'),
  (14, 'OFF-NOTE-14', 'Dotted notebook A5', 6, 12.50, 0.300, 300, 1, NULL, '2024-04-18 11:11:00');

INSERT INTO orders
  (order_id, customer_id, order_date, status, delivery_slot_start, shipped_at, shipping_fee, notes, created_at)
VALUES
  (1, 1, '2024-05-02', 'delivered', '09:00:00', '2024-05-03 14:10:00', 4.90, NULL, '2024-05-02 08:12:00'),
  (2, 3, '2024-05-06', 'delivered', NULL, '2024-05-07 09:30:00', 0, 'Leave with the neighbour', '2024-05-06 19:40:00'),
  (3, 2, '2024-05-19', 'cancelled', NULL, NULL, 6.50, 'Customer changed their mind', '2024-05-19 21:05:00'),
  (4, 6, '2024-06-03', 'shipped', '13:00:00', '2024-06-04 16:00:00', 9.90, NULL, '2024-06-03 10:25:00'),
  (5, 1, '2024-06-11', 'paid', NULL, NULL, 4.90, NULL, '2024-06-11 07:58:00'),
  (6, 8, '2024-06-12', 'shipped', '18:00:00', '2024-06-13 11:45:00', 0, 'Gift wrap, please', '2024-06-12 22:14:00'),
  (7, 4, '2024-06-20', 'pending', NULL, NULL, 4.90, NULL, '2024-06-20 12:00:00'),
  (8, 10, '2024-06-21', 'paid', '09:00:00', NULL, 12.00, NULL, '2024-06-21 09:09:09'),
  (9, 7, '2024-06-28', 'pending', NULL, NULL, 0, NULL, '2024-06-28 17:30:00');

INSERT INTO order_items (order_id, line_number, product_id, quantity, unit_price, discount_percent) VALUES
  (1, 1, 1, 1, 34.90, 0),
  (1, 2, 3, 2, 24.50, 10),
  (2, 1, 5, 1, 45.00, 0),
  (2, 2, 7, 1, 19.99, 0),
  (2, 3, 3, 1, 24.50, 0),
  (3, 1, 8, 1, 249.00, 0),
  (4, 1, 12, 1, 399.00, 5),
  (4, 2, 13, 2, 49.90, 0),
  (4, 3, 14, 4, 12.50, 0),
  (5, 1, 2, 1, 89.00, 0),
  (6, 1, 6, 1, 129.00, 15),
  (6, 2, 9, 2, 39.90, 0),
  (6, 3, 10, 2, 29.00, 0),
  (7, 1, 14, 3, 12.50, 0),
  (8, 1, 4, 1, 59.95, 0),
  (8, 2, 3, 3, 24.50, 0),
  (9, 1, 1, 2, 34.90, 0),
  (9, 2, 2, 1, 89.00, 10);

ANALYZE;
`;
