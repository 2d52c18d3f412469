# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Pure helpers for a workshop's portal address and colours."""
import re
import unicodedata

SLUG_RE = re.compile(r'^[a-z0-9]+(?:-[a-z0-9]+)*$')
COLOUR_RE = re.compile(r'^#[0-9a-fA-F]{6}$')
DEFAULT_PRIMARY = '#1e40af'
DEFAULT_ACCENT = '#f59e0b'


def slugify(name, max_length=48):
    """The portal address part for a workshop name:
    "Époxy Services Martin" → "epoxy-services-martin"."""
    text = unicodedata.normalize('NFKD', name or '')
    text = text.encode('ascii', 'ignore').decode('ascii').lower()
    text = re.sub(r'[^a-z0-9]+', '-', text).strip('-')
    return text[:max_length].rstrip('-')


def valid_slug(slug):
    return bool(slug and SLUG_RE.match(slug))


def valid_colour(colour):
    return bool(colour and COLOUR_RE.match(colour))


def _channel(value):
    value /= 255
    if value <= 0.03928:
        return value / 12.92
    return ((value + 0.055) / 1.055) ** 2.4


def luminance(colour):
    "Relative luminance of a #rrggbb colour (WCAG 2.1)."
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return (0.2126 * _channel(red) + 0.7152 * _channel(green)
        + 0.0722 * _channel(blue))


def contrast_ratio(colour1, colour2):
    "WCAG contrast ratio between two #rrggbb colours (1 to 21)."
    light, dark = sorted([luminance(colour1), luminance(colour2)],
        reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour(background):
    """White or near black, whichever reads best on `background`, so a
    workshop's own colour never makes its buttons unreadable."""
    dark = '#111827'
    if contrast_ratio(background, '#ffffff') >= contrast_ratio(
            background, dark):
        return '#ffffff'
    return dark


def readable_colour(background, ratio=4.5):
    "Whether text on `background` can reach WCAG AA (4.5:1)."
    return contrast_ratio(background, text_colour(background)) >= ratio


def image_type(data):
    """The MIME type of a logo judged by its content (not its name), or None
    when it is not a PNG, JPEG, WebP or SVG image."""
    data = bytes(data or b'')
    if data.startswith(b'\x89PNG\r\n\x1a\n'):
        return 'image/png'
    if data.startswith(b'\xff\xd8\xff'):
        return 'image/jpeg'
    if data[:4] == b'RIFF' and data[8:12] == b'WEBP':
        return 'image/webp'
    head = data[:1024].lstrip().lower()
    if head.startswith(b'<svg') or (
            head.startswith(b'<?xml') and b'<svg' in head):
        if b'<script' not in data.lower():
            return 'image/svg+xml'
    return None
