import flask
import pydantic
import requests
import six
import yaml
from dateutil import parser

print("hello, strata", six.PY3, flask.__name__, requests.__name__, pydantic.VERSION[:1], yaml.safe_dump(1).strip(), parser.parse("2026-01-01").year)
