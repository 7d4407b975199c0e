import datetime

import idna
import requests
import six
import yaml
from dateutil import parser as dateparser
from flask import Flask, jsonify
from pydantic import BaseModel

from app.greet import greet


class Hello(BaseModel):
    name: str = "strata"


app = Flask(__name__)


@app.get("/hello")
def hello():
    return jsonify(message=greet(Hello().name))


if __name__ == "__main__":
    when = dateparser.parse("2026-01-01T00:00:00Z")
    print(
        greet(Hello().name),
        idna.encode("bücher.example").decode(),
        six.PY3,
        yaml.safe_dump({"ok": True}).strip(),
        isinstance(when, datetime.datetime),
        requests.__name__,
        app.name,
    )
