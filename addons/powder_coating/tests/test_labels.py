# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Part labels: QR code, sheet layout and PDF (no database)."""
import base64
import datetime
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
from io import BytesIO

import qrcode
import weasyprint
from PIL import Image

from trytond.modules.powder_coating import labels

URL = 'https://atelier.example.fr/w/p/42?k=Xy7Qz'
SVG = '{http://www.w3.org/2000/svg}'
MM = 96 / 25.4    # CSS pixels, as weasyprint measures pages


def label(index=0, **values):
    "A label of part P-00042 (and next ones), unit 1/4 of the project."
    result = {
        'number': 'P-%05d' % (42 + index),
        'url': '%s&i=%d' % (URL, index),
        'unit': '%d/4' % (index % 4 + 1),
        'client': 'Métallerie Dupont',
        'project': 'PRJ-2025-0017',
        'powder': 'RAL 7016 · Brillant · Polyester',
        'promised_date': datetime.date(2025, 6, 14),
        'batch': 'S-0007',
        }
    result.update(values)
    return result


def pages(html):
    "The pages of the document as weasyprint lays them out."
    return weasyprint.HTML(string=html).render().pages


class QRTestCase(unittest.TestCase):
    "The QR code of a part."

    def test_well_formed(self):
        "Inline SVG: no XML declaration, scalable, no id, black on white"
        markup = labels.qr_svg(URL)
        self.assertFalse(markup.startswith('<?xml'))
        root = ET.fromstring(markup)
        self.assertEqual(root.tag, SVG + 'svg')
        self.assertNotIn('width', root.attrib)
        self.assertNotIn('height', root.attrib)
        self.assertNotIn(' id=', markup)
        self.assertRegex(root.get('viewBox'), r'^0 0 (\d+) \1$')
        background, path = list(root)
        self.assertEqual(background.get('fill'), '#fff')
        self.assertEqual(path.get('fill'), '#000')

    def test_modules(self):
        "The modules drawn are those of the code, error correction H"
        code = qrcode.QRCode(
            error_correction=qrcode.constants.ERROR_CORRECT_H, border=4)
        code.add_data(URL)
        code.make(fit=True)
        matrix = code.get_matrix()
        root = ET.fromstring(labels.qr_svg(URL))
        size = len(matrix)
        self.assertEqual(root.get('viewBox'), '0 0 %d %d' % (size, size))
        drawn = root.find(SVG + 'path').get('d').count('M')
        self.assertEqual(drawn, sum(map(sum, matrix)))

    def test_text_differs(self):
        "Another part, another code"
        self.assertNotEqual(labels.qr_svg(URL), labels.qr_svg(URL + '1'))


class GridTestCase(unittest.TestCase):
    "How many labels fit on an A4 page (5 mm margin, 3 mm gaps)."

    def test_sizes(self):
        for size, expected in [
                ((70, 50), (2, 5)),
                ((100, 60), (1, 4)),
                ((63.5, 38.1), (3, 7)),
                ((200, 287), (1, 1)),
                ((201, 100), (0, 0)),
                ((250, 150), (0, 0))]:
            with self.subTest(size=size):
                self.assertEqual(labels.grid(*size), expected)


class SheetTestCase(unittest.TestCase):
    "The HTML sheet of labels."

    def test_one_page(self):
        "9 labels of 70 × 50 mm fit on one A4 page, 11 take two"
        html = labels.sheet_html([label(i) for i in range(9)], 70, 50)
        result = pages(html)
        self.assertEqual(len(result), 1)
        self.assertAlmostEqual(result[0].width, 210 * MM, places=1)
        self.assertAlmostEqual(result[0].height, 297 * MM, places=1)
        self.assertEqual(html.count('class="label"'), 9)
        html = labels.sheet_html([label(i) for i in range(11)], 70, 50)
        self.assertEqual(len(pages(html)), 2)

    def test_bigger_than_page(self):
        "A label bigger than A4 gets a page of its own size"
        html = labels.sheet_html([label(0), label(1)], 250, 150)
        result = pages(html)
        self.assertEqual(len(result), 2)
        for page in result:
            self.assertAlmostEqual(page.width, 250 * MM, places=1)
            self.assertAlmostEqual(page.height, 150 * MM, places=1)

    def test_content(self):
        "Every field of the label is on it, the date in French"
        html = labels.sheet_html([label()], 70, 50)
        for text in ['P-00042', '1/4', 'Métallerie Dupont', 'PRJ-2025-0017',
                'RAL 7016', 'Polyester', '14/06/2025', 'S-0007', 'Projet',
                'Promis le', 'Série', '<svg', 'lang="fr"']:
            with self.subTest(text=text):
                self.assertIn(text, html)

    def test_optional(self):
        "No unit, promised date nor batch: nothing shown for them"
        html = labels.sheet_html([label(
                    unit=None, promised_date=None, batch=None)], 70, 50)
        for text in ['class="unit"', 'Promis le', 'Série']:
            with self.subTest(text=text):
                self.assertNotIn(text, html)

    def test_captions(self):
        "Captions and date format can be translated"
        html = labels.sheet_html([label()], 70, 50, lang='en',
            captions={'project': 'Project', 'batch': 'Batch'},
            date_format='%m/%d/%Y')
        for text in ['Project', 'Batch', '06/14/2025', 'lang="en"']:
            with self.subTest(text=text):
                self.assertIn(text, html)
        self.assertIn('Promis le', html)

    def test_escaped(self):
        "Text from the database is escaped"
        html = labels.sheet_html([label(
                    client='<script>alert(1)</script>',
                    project='A & B', number='<b>P-1</b>')], 70, 50,
            captions={'project': '<i>Projet</i>'})
        self.assertNotIn('<script>', html)
        self.assertNotIn('<b>', html)
        self.assertNotIn('<i>', html)
        self.assertIn('&lt;script&gt;alert(1)&lt;/script&gt;', html)
        self.assertIn('A &amp; B', html)

    def test_black_and_white(self):
        "No colour nor grey: black on white only"
        html = labels.sheet_html([label()], 70, 50)
        colours = set(re.findall(r'#[0-9a-fA-F]{3,6}\b', html))
        self.assertEqual(colours, {'#000', '#fff'})
        self.assertNotRegex(html, r'(?i)gr[ae]y|rgb|hsl|opacity')

    def test_number_size(self):
        "The part number is at least 14 pt, whatever the label size"
        for size in [(50, 30), (70, 50), (100, 60), (250, 150)]:
            with self.subTest(size=size):
                html = labels.sheet_html([label()], *size)
                style = re.search(
                    r'\.number \{ font-size: ([\d.]+)pt', html)
                self.assertGreaterEqual(float(style.group(1)), 14)


class PDFTestCase(unittest.TestCase):
    "The PDF sheet."

    @unittest.skipUnless(shutil.which('pdftotext'), 'pdftotext missing')
    def test_text(self):
        "Number, client and project are printed"
        pdf = labels.sheet_pdf(labels.sheet_html(
                [label(i) for i in range(3)], 70, 50))
        self.assertTrue(pdf.startswith(b'%PDF'))
        with tempfile.NamedTemporaryFile(suffix='.pdf') as file:
            file.write(pdf)
            file.flush()
            text = subprocess.run(
                ['pdftotext', file.name, '-'], check=True,
                capture_output=True, text=True).stdout
        for expected in ['P-00042', 'P-00044', 'MÉTALLERIE', 'PRJ-2025-0017',
                '14/06/2025']:
            with self.subTest(expected=expected):
                self.assertIn(expected, text)

    def test_no_fetching(self):
        "Only embedded data is used, never a file or the network"
        image = BytesIO()
        Image.new('RGB', (4, 4), 'white').save(image, 'PNG')
        uri = 'data:image/png;base64,' + base64.b64encode(
            image.getvalue()).decode('ascii')
        pdf = labels.sheet_pdf('<img src="%s"/>' % uri)
        self.assertIn(b'/Image', pdf)
        for url in ['file:///etc/hostname', 'http://127.0.0.1:9/logo.png']:
            with self.subTest(url=url), \
                    self.assertLogs('weasyprint', 'ERROR') as logs:
                pdf = labels.sheet_pdf('<img src="%s"/>' % url)
                self.assertNotIn(b'/Image', pdf)
            self.assertIn('disallowed protocol', '\n'.join(logs.output))


if __name__ == '__main__':
    unittest.main()
