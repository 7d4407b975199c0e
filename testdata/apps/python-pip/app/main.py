import idna
import six

from app.greet import greet

print(greet("strata"), idna.encode("bücher.example").decode(), six.PY3)
