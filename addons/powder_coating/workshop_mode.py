# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Workshop mode: the operators' tablet app at /<database>/workshop/.

These routes only hand out the app's static files (workshop/); the app
itself logs in and talks to powder_coating.workshop over JSON-RPC, and keeps
working offline with its service worker. No database, no transaction here.
"""
import mimetypes
import os

from werkzeug.exceptions import NotFound
from werkzeug.utils import safe_join
from werkzeug.wrappers import Response

from trytond.wsgi import app

APP_DIR = os.path.join(os.path.dirname(__file__), 'workshop')

# Types the browser must not guess (a module script needs a JavaScript type,
# the manifest its own).
CONTENT_TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.webmanifest': 'application/manifest+json; charset=utf-8',
    '.svg': 'image/svg+xml',
    }

# Our own files only: no inline script or style; photos are data: or blob:
# URLs, the camera preview a MediaStream.
SECURITY_HEADERS = {
    'Content-Security-Policy': '; '.join([
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
            ]),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
    }


def app_file(request, filename):
    """The file `filename` of the app, revalidated on every load (ETag) so
    the service worker picks up a new version as soon as it is deployed."""
    path = safe_join(APP_DIR, filename)
    if not path or not os.path.isfile(path):
        raise NotFound()
    with open(path, 'rb') as file:
        data = file.read()
    content_type = CONTENT_TYPES.get(os.path.splitext(path)[1]) or (
        mimetypes.guess_type(path)[0] or 'application/octet-stream')
    response = Response(data, content_type=content_type)
    response.headers['Cache-Control'] = 'no-cache'
    response.headers.update(SECURITY_HEADERS)
    response.add_etag()
    return response.make_conditional(request)


@app.route('/<database_name>/workshop/', methods=['GET'])
def workshop(request, database_name):
    "The app's page; the URL may end with #/part/<number> (QR labels)."
    return app_file(request, 'index.html')


@app.route('/<database_name>/workshop/<path:filename>', methods=['GET'])
def workshop_file(request, database_name, filename):
    "app.js, app.css, sw.js (scope: this folder), manifest and icon."
    return app_file(request, filename)
