# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Photo checks, variants and storage quota on real pictures drawn with
Pillow (no database)."""
import datetime
import struct
import unittest
import zlib
from io import BytesIO

from PIL import ExifTags, Image, ImageDraw, ImageFile

from trytond.modules.powder_coating import photo_processing
from trytond.modules.powder_coating.photo_processing import PhotoError

RED = (220, 0, 0)
GREY = (128, 128, 128)


def encode(image, format, **params):
    output = BytesIO()
    image.save(output, format, **params)
    return output.getvalue()


def decode(data):
    image = Image.open(BytesIO(data))
    image.load()
    return image


def close(colour, expected, tolerance=12):
    "Whether two RGB colours match, give or take lossy compression."
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected))


def tablet_photo():
    """A 4000×3000 JPEG as a tablet held upright stores it: sideways, with
    orientation 6 (turn 90° clockwise to view) and a GPS position; a red
    block marks its stored top-left corner."""
    image = Image.new('RGB', (4000, 3000), GREY)
    ImageDraw.Draw(image).rectangle((0, 0, 599, 399), fill=RED)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = 'Tablet'
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = 'N'
    gps[ExifTags.GPS.GPSLatitude] = (45.0, 45.0, 36.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = 'E'
    gps[ExifTags.GPS.GPSLongitude] = (4.0, 50.0, 24.0)
    return encode(image, 'JPEG', quality=90, exif=exif)


def png_chunk(kind, payload):
    return (struct.pack('>I', len(payload)) + kind + payload
        + struct.pack('>I', zlib.crc32(kind + payload)))


def png_header(width, height):
    "A PNG that claims width×height pixels but holds (almost) none."
    header = struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)
    return (b'\x89PNG\r\n\x1a\n' + png_chunk(b'IHDR', header)
        + png_chunk(b'IDAT', zlib.compress(b'\x00' * 64))
        + png_chunk(b'IEND', b''))


def jpeg_claiming(width, height):
    "A small JPEG whose frame header is rewritten to width×height pixels."
    data = bytearray(encode(Image.new('RGB', (16, 16), GREY), 'JPEG'))
    frame = data.index(b'\xff\xc0')
    data[frame + 5:frame + 9] = struct.pack('>HH', height, width)
    return bytes(data)


class InspectTestCase(unittest.TestCase):
    "Accepting a photo by its content."

    def assertRefused(self, data, code, **kwargs):
        with self.assertRaises(PhotoError) as context:
            photo_processing.inspect(data, **kwargs)
        self.assertEqual(context.exception.code, code)
        return context.exception.params

    def test_formats(self):
        "The real format is returned, whatever the file was called"
        image = Image.new('RGB', (40, 30), GREY)
        for format, expected in [
                ('JPEG', 'jpeg'), ('PNG', 'png'), ('WEBP', 'webp')]:
            with self.subTest(format=format):
                self.assertEqual(
                    photo_processing.inspect(encode(image, format)),
                    expected)

    def test_empty(self):
        "An empty upload"
        self.assertRefused(b'', 'empty')
        self.assertRefused(None, 'empty')

    def test_too_large(self):
        "A file bigger than the limit, with size and limit for the message"
        data = encode(Image.new('RGB', (40, 30), GREY), 'PNG')
        params = self.assertRefused(data, 'too_large', max_bytes=50)
        self.assertEqual(params, {'size': len(data), 'max': 50})

    def test_text_named_jpg(self):
        "A text file renamed photo.jpg"
        self.assertRefused(
            'Devis n°42 : thermolaquage RAL 7016\n'.encode('utf-8'),
            'not_image')

    def test_gif(self):
        "A GIF is an image, but not one that is accepted"
        data = encode(Image.new('P', (40, 30)), 'GIF')
        params = self.assertRefused(data, 'unsupported_format')
        self.assertEqual(params, {'format': 'gif'})

    def test_svg(self):
        "An SVG is refused as a photo"
        data = b'<svg xmlns="http://www.w3.org/2000/svg"/>'
        params = self.assertRefused(data, 'unsupported_format')
        self.assertEqual(params, {'format': 'svg'})

    def test_truncated(self):
        "A photo cut short by a bad connection"
        image = Image.effect_noise((400, 300), 50).convert('RGB')
        for format in ['JPEG', 'PNG', 'WEBP']:
            data = encode(image, format)
            for size in [len(data) // 2, len(data) - 5]:
                with self.subTest(format=format, size=size):
                    self.assertRefused(data[:size], 'corrupt')

    def test_truncated_tolerated(self):
        "Truncated, even once weasyprint let Pillow accept truncated files"
        self.addCleanup(
            setattr, ImageFile, 'LOAD_TRUNCATED_IMAGES',
            ImageFile.LOAD_TRUNCATED_IMAGES)
        ImageFile.LOAD_TRUNCATED_IMAGES = True
        self.test_truncated()

    def test_jpeg_structure(self):
        """Progressive and restart markers are fine, so is data after the
        picture (motion photos); a thumbnail's end does not hide a cut"""
        image = Image.effect_noise((400, 300), 50).convert('RGB')
        for params in [
                {'progressive': True}, {'restart_marker_blocks': 2}]:
            with self.subTest(params=params):
                data = encode(image, 'JPEG', **params)
                self.assertEqual(photo_processing.inspect(data), 'jpeg')
                self.assertRefused(data[:-100], 'corrupt')
        data = encode(image, 'JPEG')
        self.assertEqual(
            photo_processing.inspect(data + b'ftypmp42' + b'\xff' * 99),
            'jpeg')
        thumbnail = encode(image.resize((40, 30)), 'JPEG')
        segment = b'\xff\xe2' + struct.pack('>H', len(thumbnail) + 2)
        data = data[:2] + segment + thumbnail + data[2:]
        self.assertEqual(photo_processing.inspect(data), 'jpeg')
        self.assertRefused(data[:-100], 'corrupt')

    def test_bad_header(self):
        "PNG signature followed by garbage"
        self.assertRefused(b'\x89PNG\r\n\x1a\n' + b'garbage' * 10, 'corrupt')

    def test_bomb(self):
        "A header claiming 100000×100000 pixels is refused, not decoded"
        params = self.assertRefused(
            png_header(100_000, 100_000), 'too_many_pixels')
        self.assertEqual(params['max'], photo_processing.MAX_PIXELS)

    def test_too_many_pixels(self):
        "54 megapixels claimed by a tiny file: refused on its header alone"
        params = self.assertRefused(
            jpeg_claiming(9000, 6000), 'too_many_pixels')
        self.assertEqual(
            params, {'pixels': 54_000_000, 'max': 50_000_000})


class VariantsTestCase(unittest.TestCase):
    "The stored WebP files of a photo."

    @classmethod
    def setUpClass(cls):
        cls.original = tablet_photo()
        cls.variants = photo_processing.variants(cls.original)

    def test_original(self):
        "The test photo does carry an orientation and a GPS position"
        exif = decode(self.original).getexif()
        self.assertEqual(exif[ExifTags.Base.Orientation], 6)
        self.assertTrue(exif.get_ifd(ExifTags.IFD.GPSInfo))

    def test_sizes(self):
        "Upright (width and height swapped) and reduced, as WebP"
        expected = {
            'webp': (2250, 3000),
            'large': (1536, 2048),
            'medium': (768, 1024),
            'thumbnail': (256, 256),
            }
        self.assertEqual(set(self.variants), set(expected))
        for key, size in expected.items():
            with self.subTest(key=key):
                data = self.variants[key]
                self.assertEqual(photo_processing.inspect(data), 'webp')
                self.assertEqual(decode(data).size, size)
        self.assertLess(len(self.variants['webp']), len(self.original))

    def test_orientation(self):
        "The stored top-left corner is at the top-right once upright"
        image = decode(self.variants['webp'])
        self.assertTrue(close(image.getpixel((2200, 50)), RED))
        self.assertTrue(close(image.getpixel((50, 50)), GREY))

    def test_no_metadata(self):
        "No EXIF (GPS position), XMP or colour profile is kept"
        for key, data in self.variants.items():
            with self.subTest(key=key):
                image = decode(data)
                self.assertEqual(dict(image.getexif()), {})
                self.assertFalse(
                    {'exif', 'xmp', 'icc_profile'} & set(image.info))
                self.assertNotIn(b'EXIF', data)
                self.assertNotIn(b'Tablet', data)

    def test_transparency(self):
        "A transparent PNG is flattened on white"
        image = Image.new('RGBA', (300, 200), (0, 0, 0, 0))
        ImageDraw.Draw(image).rectangle((100, 50, 199, 149), fill=RED)
        result = decode(
            photo_processing.variants(encode(image, 'PNG'))['webp'])
        self.assertEqual(result.mode, 'RGB')
        self.assertTrue(close(result.getpixel((10, 10)), (255, 255, 255)))
        self.assertTrue(close(result.getpixel((150, 100)), RED))

    def test_never_enlarged(self):
        "A small picture keeps its size; its thumbnail is a smaller square"
        image = Image.new('RGB', (200, 120), GREY)
        result = photo_processing.variants(encode(image, 'PNG'))
        for key in ['webp', 'large', 'medium']:
            self.assertEqual(decode(result[key]).size, (200, 120))
        self.assertEqual(decode(result['thumbnail']).size, (120, 120))

    def test_refused(self):
        "What inspect refuses, variants refuses too"
        with self.assertRaises(PhotoError) as context:
            photo_processing.variants(b'not a photo')
        self.assertEqual(context.exception.code, 'not_image')


class WatermarkTestCase(unittest.TestCase):
    "The workshop's logo on the photos."

    @classmethod
    def setUpClass(cls):
        cls.photo = encode(Image.new('RGB', (1600, 1200), GREY), 'JPEG')
        logo = Image.new('RGBA', (200, 100), (0, 0, 0, 0))
        ImageDraw.Draw(logo).rectangle((0, 0, 199, 99), fill='black')
        cls.logo = encode(logo, 'PNG')
        cls.plain = photo_processing.variants(cls.photo)

    def test_bottom_right(self):
        "The logo darkens the bottom-right corner, not the top-left"
        result = photo_processing.variants(self.photo, self.logo)
        for key in ['webp', 'large', 'medium']:
            with self.subTest(key=key):
                image = decode(result[key])
                plain = decode(self.plain[key])
                width, height = image.size
                # 18 % of the width, the margin is 2 % of the height.
                logo_width = round(width * 0.18)
                margin = round(height * 0.02)
                centre = (width - margin - logo_width // 2,
                    height - margin - logo_width // 4)
                # Black at 55 % over grey 128: about 58.
                self.assertTrue(close(image.getpixel(centre), (58,) * 3))
                self.assertTrue(close(plain.getpixel(centre), GREY))
                self.assertTrue(close(image.getpixel((5, 5)), GREY))
                self.assertTrue(close(
                    image.getpixel((width - 2, height - 2)), GREY))

    def test_not_on_thumbnail(self):
        "The thumbnail is too small for a logo"
        result = photo_processing.variants(self.photo, self.logo)
        self.assertEqual(result['thumbnail'], self.plain['thumbnail'])

    def test_unreadable_logo(self):
        "An SVG or broken logo is skipped, the photo is still processed"
        for logo in [
                b'<svg xmlns="http://www.w3.org/2000/svg"/>',
                self.logo[:60]]:
            with self.subTest(logo=logo[:10]):
                self.assertEqual(
                    photo_processing.variants(self.photo, logo),
                    self.plain)


class QuotaTestCase(unittest.TestCase):
    "Keeping a workshop under its storage quota."

    def test_level(self):
        "Warn from 80 %, purge from 90 %"
        for usage, expected in [
                (0, 'ok'), (799, 'ok'), (800, 'warn'), (899, 'warn'),
                (900, 'purge'), (1200, 'purge')]:
            with self.subTest(usage=usage):
                self.assertEqual(
                    photo_processing.quota_level(usage, 1000), expected)

    def test_level_exact(self):
        "The limits are exact, without float rounding"
        quota = 10 ** 12 + 7
        usage = quota * 9 // 10
        self.assertEqual(photo_processing.quota_level(usage, quota), 'warn')
        self.assertEqual(
            photo_processing.quota_level(usage + 1, quota), 'purge')

    def test_no_quota(self):
        "No quota: nothing to warn about nor purge"
        self.assertEqual(photo_processing.quota_level(10 ** 9, 0), 'ok')
        self.assertEqual(photo_processing.quota_level(10 ** 9, None), 'ok')
        self.assertEqual(
            photo_processing.purge_plan(10 ** 9, 0, [(1, 'A', None, 5)]),
            [])

    photos = [
        # photo_id, project_key, project_date, size_bytes
        (4, 'P-3', datetime.date(2025, 2, 1), 200),
        (3, 'P-2', datetime.date(2024, 3, 1), 100),
        (1, 'P-1', datetime.date(2023, 1, 10), 60),
        (6, 'P-4', None, 300),
        (5, 'P-0', datetime.date(2023, 1, 10), 30),
        (2, 'P-1', datetime.date(2023, 1, 10), 40),
        ]

    def test_below_purge(self):
        "Nothing is purged below 90 %"
        self.assertEqual(
            photo_processing.purge_plan(899, 1000, self.photos), [])

    def test_oldest_projects(self):
        """Oldest projects first, whole, until at most 80 %:
        950 - 30 (P-0) - 100 (P-1) = 820 > 800, - 100 (P-2) = 720"""
        self.assertEqual(
            photo_processing.purge_plan(950, 1000, self.photos),
            [5, 1, 2, 3])

    def test_stops_at_target(self):
        "900 - 30 - 100 = 770: P-2 is kept"
        self.assertEqual(
            photo_processing.purge_plan(900, 1000, self.photos), [5, 1, 2])

    def test_exactly_target(self):
        "930 - 30 - 100 = 800 is enough"
        self.assertEqual(
            photo_processing.purge_plan(930, 1000, self.photos), [5, 1, 2])

    def test_undated_last(self):
        "Projects without a date go last; everything if still too much"
        self.assertEqual(
            photo_processing.purge_plan(5000, 1000, self.photos),
            [5, 1, 2, 3, 4, 6])


if __name__ == '__main__':
    unittest.main()
