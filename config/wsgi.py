"""WSGI entry point for servers that take a file path (uwsgi --wsgi-file,
mod_wsgi).  gunicorn can use 'trytond.application:app' directly.

    uwsgi --http-socket 127.0.0.1:8000 --processes 4 --wsgi-file config/wsgi.py

Environment (defaults below point at this repository's production files):
    TRYTOND_CONFIG          configuration file(s)
    TRYTOND_LOGGING_CONFIG  logging configuration
    TRYTOND_DATABASE_NAMES  databases whose pool is loaded at start-up (CSV)
"""
import os

_here = os.path.dirname(os.path.abspath(__file__))
os.environ.setdefault(
    'TRYTOND_CONFIG', os.path.join(_here, 'production.conf'))
os.environ.setdefault(
    'TRYTOND_LOGGING_CONFIG', os.path.join(_here, 'logging.conf'))

from trytond.application import app as application  # noqa: E402

app = application
