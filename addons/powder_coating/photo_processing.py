# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Before/after photos of parts, as pure functions (Pillow, no ORM).

Operators upload photos from a tablet. `inspect` accepts a photo by its
content (never its file name) and refuses anything else with a `PhotoError`
whose `code` the Tryton layer maps to a translated message. `variants`
turns an accepted photo into the WebP files that are stored and shown:
turned upright, in sRGB, without metadata (no GPS position of the
workshop or of a client's site), optionally with the workshop's logo.
`quota_level` and `purge_plan` keep a workshop's photos under its storage
quota.
"""
import struct
from decimal import Decimal
from io import BytesIO

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

__all__ = [
    'PhotoError', 'inspect', 'variants', 'quota_level', 'purge_plan',
    'MAX_BYTES', 'MAX_PIXELS', 'SIZES', 'WARN_RATIO', 'PURGE_RATIO',
    'PURGE_TARGET',
    ]

MAX_BYTES = 15 * 1024 * 1024
# A 12 MP tablet photo is far below; a decoded 50 MP picture already takes
# 150 MB of memory, so anything bigger is refused before being decoded.
MAX_PIXELS = 50_000_000

# Longest edge in pixels of each stored variant (never enlarged).
SIZES = {
    'webp': 3000,
    'large': 2048,
    'medium': 1024,
    'thumbnail': 256,
    }
QUALITY = 80
WATERMARK_WIDTH = 0.18     # of the picture's width
WATERMARK_HEIGHT = 0.30    # at most, of its height (tall logos)
WATERMARK_OPACITY = 0.55
WATERMARK_MARGIN = 0.02    # of the picture's shorter edge

# Storage quota: warn at 80 % so the workshop can react (buy more space,
# clean up); purge at 90 %, before the quota is reached, so that an upload
# in the workshop never fails; purge down to 80 % and not just below 90 %
# (hysteresis) so that the purge, which removes whole projects, runs once
# in a while rather than at every upload once the workshop is near 90 %.
WARN_RATIO = 0.8
PURGE_RATIO = 0.9
PURGE_TARGET = 0.8

# Pillow's name of the accepted formats.
FORMATS = {
    'jpeg': 'JPEG',
    'png': 'PNG',
    'webp': 'WEBP',
    }
HEIF_BRANDS = {
    b'heic', b'heix', b'hevc', b'hevx', b'heim', b'heis', b'hevm', b'hevs',
    b'mif1', b'msf1'}
AVIF_BRANDS = {b'avif', b'avis'}
BMP_HEADERS = {12, 40, 52, 56, 64, 108, 124}
# What Pillow may raise while reading a damaged file.
DECODING_ERRORS = (
    UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError,
    IndexError, TypeError, struct.error)


class PhotoError(ValueError):
    """A photo that cannot be accepted. `code` is one of 'empty',
    'too_large' (params size, max in bytes), 'not_image',
    'unsupported_format' (params format), 'too_many_pixels' (params max
    and, when the header could be read, pixels) or 'corrupt'; the Tryton
    layer turns it into a translated message filled with `params`."""

    def __init__(self, code, **params):
        super().__init__(
            '%s %r' % (code, params) if params else code)
        self.code = code
        self.params = params


def _sniff(data):
    "The format of an image judged by its first bytes, or None."
    if data.startswith(b'\xff\xd8\xff'):
        return 'jpeg'
    if data.startswith(b'\x89PNG\r\n\x1a\n'):
        return 'png'
    if data[:4] == b'RIFF' and data[8:12] == b'WEBP':
        return 'webp'
    # Known but refused, so the operator is told what to do rather than
    # "not an image" (an iPad can send HEIC).
    if data[:6] in {b'GIF87a', b'GIF89a'}:
        return 'gif'
    if data[:4] in {b'II*\x00', b'MM\x00*'}:
        return 'tiff'
    if data[4:8] == b'ftyp':
        if data[8:12] in HEIF_BRANDS:
            return 'heic'
        if data[8:12] in AVIF_BRANDS:
            return 'avif'
    if (data[:2] == b'BM' and len(data) >= 18
            and struct.unpack('<I', data[14:18])[0] in BMP_HEADERS):
        return 'bmp'
    head = data[:1024].lstrip().lower()
    if head.startswith(b'<svg') or (
            head.startswith(b'<?xml') and b'<svg' in head):
        return 'svg'
    return None


def _jpeg_complete(data):
    """Whether a JPEG goes on to its end marker (EOI), walking its segments
    so that an embedded thumbnail's EOI or data after the picture (motion
    photos) do not count."""
    end = len(data)
    position = 2    # after the start marker
    while position + 2 <= end:
        if data[position] != 0xFF:
            return False
        marker = data[position + 1]
        if marker == 0xD9:
            return True
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            position += 2
            continue
        if position + 4 > end:
            return False
        position += 2 + struct.unpack('>H', data[position + 2:position + 4])[0]
        if marker != 0xDA:
            continue
        # After a start of scan, compressed data up to the next marker:
        # there 0xFF is followed by 0x00 (stuffing) or a restart marker.
        while True:
            position = data.find(b'\xff', position)
            if position < 0 or position + 1 >= end:
                return False
            following = data[position + 1]
            if following == 0x00 or 0xD0 <= following <= 0xD7:
                position += 2
            elif following == 0xFF:
                position += 1
            else:
                break
    return False


def _png_complete(data):
    "Whether a PNG goes on to its end chunk (IEND), chunk by chunk."
    position = 8    # after the signature
    while position + 12 <= len(data):
        length, kind = struct.unpack('>I4s', data[position:position + 8])
        position += 12 + length
        if kind == b'IEND':
            return position <= len(data)
    return False


def _webp_complete(data):
    "Whether a WebP file is as long as its RIFF header says."
    return len(data) >= 8 + struct.unpack('<I', data[4:8])[0]


# Pillow decodes truncated files without a word once
# ImageFile.LOAD_TRUNCATED_IMAGES is set, and weasyprint sets it for the
# whole server process when it is imported: the structure is checked here.
COMPLETE = {
    'jpeg': _jpeg_complete,
    'png': _png_complete,
    'webp': _webp_complete,
    }


def _open(data, max_bytes):
    """(format, decoded picture) of `data`, once its size and header have
    been checked."""
    data = bytes(data or b'')
    if not data:
        raise PhotoError('empty')
    if len(data) > max_bytes:
        raise PhotoError('too_large', size=len(data), max=max_bytes)
    kind = _sniff(data)
    if kind is None:
        raise PhotoError('not_image')
    if kind not in FORMATS:
        raise PhotoError('unsupported_format', format=kind)
    try:
        # Reads the header only: nothing is decoded yet.
        image = Image.open(BytesIO(data), formats=[FORMATS[kind]])
    except Image.DecompressionBombError:
        # Pillow's own limit (far above ours) stopped it at the header.
        raise PhotoError('too_many_pixels', max=MAX_PIXELS)
    except DECODING_ERRORS:
        raise PhotoError('corrupt')
    pixels = image.width * image.height
    if pixels > MAX_PIXELS:
        raise PhotoError('too_many_pixels', pixels=pixels, max=MAX_PIXELS)
    if not pixels or not COMPLETE[kind](data):
        raise PhotoError('corrupt')
    try:
        # Decoding is the only way to find a damaged file.
        image.load()
    except DECODING_ERRORS:
        raise PhotoError('corrupt')
    return kind, image


def inspect(data, max_bytes=MAX_BYTES):
    """The real format of the photo `data` ('jpeg', 'png' or 'webp'), judged
    by its content; raises PhotoError when it cannot be accepted.

    The byte size and the pixel count of the header are checked before
    anything is decoded (decompression bombs), and the file's structure is
    followed to its end marker (truncated uploads); the picture is then
    decoded once to find damaged data."""
    kind, _ = _open(data, max_bytes)
    return kind


def _upright(image):
    "The picture turned as the EXIF orientation says (a tablet held upright)."
    try:
        return ImageOps.exif_transpose(image)
    except DECODING_ERRORS:
        # Broken EXIF: better a photo on its side than a refused upload.
        return image


def _has_alpha(image):
    return (image.mode in {'RGBA', 'RGBa', 'LA', 'La', 'PA'}
        or 'transparency' in image.info)


def _flat(image):
    """The picture as a new sRGB image on white: the colour profile applied
    (tablets shoot in Display P3, and the colour of a coating matters),
    transparency flattened, and no metadata at all (EXIF, GPS, XMP, ICC)."""
    profile = image.info.get('icc_profile')
    alpha = _has_alpha(image)
    mode = 'RGBA' if alpha else 'RGB'
    if image.mode not in {'RGB', 'RGBA', 'CMYK', 'L'}:
        if image.mode.startswith('I'):
            # 16-bit greyscale: scale down to 8 bits, not clip to white.
            image = image.convert('I').point(lambda value: value / 256)
        image = image.convert(mode)
    if profile:
        try:
            image = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(BytesIO(profile)),
                ImageCms.createProfile('sRGB'), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass
    if image.mode != mode:
        image = image.convert(mode)
    flat = Image.new('RGB', image.size, 'white')
    flat.paste(image, mask=image.getchannel('A') if alpha else None)
    return flat


def _fit(image, long_edge):
    "The picture reduced so that its longest edge is at most `long_edge`."
    width, height = image.size
    scale = long_edge / max(width, height)
    if scale >= 1:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(
        size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _square(image, side):
    """The centre of the picture as a square: thumbnails line up in a list
    or a grid, and the part is usually in the middle of the photo."""
    side = min(side, image.width, image.height)
    return ImageOps.fit(image, (side, side), Image.Resampling.LANCZOS)


def _logo(watermark):
    "The workshop's logo as RGBA, or None when absent or unreadable."
    if not watermark:
        return None
    try:
        _, logo = _open(watermark, MAX_BYTES)
    except PhotoError:
        return None
    return logo.convert('RGBA')


def _stamp(image, logo):
    """A copy of the picture with the logo at its bottom-right corner,
    18 % of its width and 55 % opaque."""
    width = max(1, round(image.width * WATERMARK_WIDTH))
    height = max(1, round(logo.height * width / logo.width))
    if height > image.height * WATERMARK_HEIGHT:
        height = max(1, round(image.height * WATERMARK_HEIGHT))
        width = max(1, round(logo.width * height / logo.height))
    mark = logo.resize((width, height), Image.Resampling.LANCZOS)
    opacity = mark.getchannel('A').point(
        lambda value: round(value * WATERMARK_OPACITY))
    margin = max(2, round(min(image.size) * WATERMARK_MARGIN))
    position = (image.width - width - margin, image.height - height - margin)
    result = image.copy()
    result.paste(mark.convert('RGB'), position, opacity)
    return result


def _webp(image):
    output = BytesIO()
    image.save(output, 'WEBP', quality=QUALITY, method=4)
    return output.getvalue()


def variants(data, watermark=None, max_bytes=MAX_BYTES):
    """The stored files of the photo `data` as WebP bytes by key: 'webp'
    (the full picture, at most 3000 px), 'large' (2048 px), 'medium'
    (1024 px) and 'thumbnail' (256 px square, centre cropped); sizes are
    of the longest edge and a picture is never enlarged.

    The picture is turned upright (EXIF orientation), converted to sRGB,
    flattened on white and stripped of all metadata. `watermark`, the
    workshop's logo as PNG, JPEG or WebP bytes, is drawn at the
    bottom-right of every variant but the thumbnail; an SVG or unreadable
    logo is silently skipped (the photo matters more than the logo).
    Raises PhotoError like `inspect`."""
    _, image = _open(data, max_bytes)
    image = _flat(_upright(image))
    logo = _logo(watermark)
    result = {}
    for key in ['webp', 'large', 'medium']:
        # Each from the one before: smaller, so quicker to reduce.
        image = _fit(image, SIZES[key])
        result[key] = _webp(_stamp(image, logo) if logo else image)
    result['thumbnail'] = _webp(_square(image, SIZES['thumbnail']))
    return result


def _threshold(quota, ratio):
    "ratio of quota, exactly (no float rounding at the limit)."
    return Decimal(str(ratio)) * Decimal(quota)


def quota_level(usage, quota):
    """'ok', 'warn' (at least 80 % of the quota used) or 'purge' (at least
    90 %), for `usage` and `quota` in bytes; no quota (0 or None) is 'ok'.
    """
    if not quota or quota <= 0:
        return 'ok'
    if usage >= _threshold(quota, PURGE_RATIO):
        return 'purge'
    if usage >= _threshold(quota, WARN_RATIO):
        return 'warn'
    return 'ok'


def purge_plan(usage, quota, photos):
    """The ids of the photos to delete so that `usage` goes back to 80 % of
    `quota` once it has reached 90 % (else nothing).

    `photos` gives (photo_id, project_key, project_date, size_bytes) for
    every photo. Whole projects go, oldest project_date first (ties by
    project_key; projects without a date last): a project keeps all its
    photos or none, and old, delivered work is the least likely to be
    looked at again."""
    if quota_level(usage, quota) != 'purge':
        return []
    projects = {}
    for photo_id, key, date, size in photos:
        project = projects.setdefault(
            key, {'date': None, 'photos': [], 'size': 0})
        if date is not None and (
                project['date'] is None or date < project['date']):
            project['date'] = date
        project['photos'].append(photo_id)
        project['size'] += size or 0

    def age(item):
        key, project = item
        return (project['date'] is None, project['date'], key)

    target = _threshold(quota, PURGE_TARGET)
    plan = []
    for key, project in sorted(projects.items(), key=age):
        if usage <= target:
            break
        plan.extend(project['photos'])
        usage -= project['size']
    return plan
