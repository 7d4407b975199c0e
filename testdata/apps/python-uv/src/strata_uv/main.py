import six

print("hello, strata", six.PY3)
