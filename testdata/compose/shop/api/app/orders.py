"""Order logic shared by the API and the worker."""

from itsdangerous import URLSafeSerializer

PRICES = {"teapot": 24.5, "mug": 8.0, "kettle": 39.9}


def total(items):
    return round(sum(PRICES[name] * qty for name, qty in items.items()), 2)


def receipt(order_id, items, secret="dev-only"):
    return URLSafeSerializer(secret).dumps({"order": order_id, "total": total(items)})
