"""The shop worker: turns queued orders into signed receipts."""

import os

from app.orders import receipt

QUEUE = [("o-1", {"mug": 3}), ("o-2", {"kettle": 1, "teapot": 1})]

if __name__ == "__main__":
    for order_id, items in QUEUE:
        print(f"worker {os.environ.get('APP_VERSION', 'dev')}: {order_id} -> {receipt(order_id, items)}")
