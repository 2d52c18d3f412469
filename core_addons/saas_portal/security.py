# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Cookies and CSRF tokens of the portal (pure functions, no database)."""
import hmac
import secrets

SESSION_COOKIE = 'atelier_portal'
CSRF_COOKIE = 'atelier_csrf'
LANG_COOKIE = 'atelier_lang'
CSRF_FIELD = 'csrf_token'
CSRF_HEADER = 'X-CSRF-Token'
LANGUAGES = ('fr', 'en')
DEFAULT_LANGUAGE = 'fr'

# What a browser may load on a portal page: our own files only.
SECURITY_HEADERS = {
    'Content-Security-Policy': (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
        "script-src 'self'; frame-ancestors 'none'; form-action 'self'; "
        "base-uri 'none'"),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    }


def new_token():
    return secrets.token_urlsafe(32)


def csrf_valid(cookie_token, submitted_token):
    """A form is accepted only when it carries the token of the browser's
    CSRF cookie (double submit): another site can make the browser post,
    but can read neither the cookie nor the page holding the token."""
    if not cookie_token or not submitted_token:
        return False
    return hmac.compare_digest(
        str(cookie_token).encode(), str(submitted_token).encode())


def cookie_options(secure, path='/', max_age=None):
    """Every portal cookie: out of reach of scripts, sent on top-level
    navigation only (SameSite=Lax), and only over HTTPS when served so."""
    return {
        'httponly': True,
        'secure': bool(secure),
        'samesite': 'Lax',
        'path': path,
        'max_age': max_age,
        }


def choose_language(requested, cookie):
    "French unless the visitor switched to another offered language."
    for value in [requested, cookie]:
        if value in LANGUAGES:
            return value
    return DEFAULT_LANGUAGE
