# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Part labels, as pure functions: a QR code and a sheet of labels to print.

Every physical part gets a label that goes through the curing oven with it:
its number, big, a QR code that opens the part in workshop mode, and what
the operators need at a glance (client, project, powder, promised date,
batch). Plain black on white, bold, no colour nor thin lines: it must stay
readable after the oven and from a metre away. The sheets are A4 (or the
label's own size when it does not fit) cut along dashed lines.
"""
import datetime
import math
import xml.etree.ElementTree as ET
from html import escape

import qrcode
from qrcode.image.svg import SvgPathImage

__all__ = ['qr_svg', 'sheet_html', 'sheet_pdf', 'CAPTIONS', 'grid']

SVG = '{http://www.w3.org/2000/svg}'
# A label may be dirty or scorched: H restores up to 30 % of the code.
ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_H
# The quiet zone is part of the code: a label hangs on a metal part.
QUIET_ZONE = 4

PAGE_MARGIN = 5    # mm, what most printers can print
GAP = 3            # mm between labels, to cut along
MM = 72 / 25.4     # points per millimetre
DATE_FORMAT = '%d/%m/%Y'

CAPTIONS = {
    'title': 'Étiquettes',
    'project': 'Projet',
    'promised': 'Promis le',
    'batch': 'Série',
    }


def qr_svg(text):
    """The QR code of `text` as inline SVG markup: black modules on a white
    square (quiet zone included), sized by its container (viewBox, no
    width nor height), without XML declaration nor id (a sheet holds many).
    """
    image = qrcode.make(
        text, image_factory=SvgPathImage,
        error_correction=ERROR_CORRECTION, border=QUIET_ZONE)
    root = ET.fromstring(image.to_string(encoding='unicode'))
    path = root.find(SVG + 'path')
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="%s"'
        ' shape-rendering="crispEdges">'
        '<rect width="100%%" height="100%%" fill="#fff"/>'
        '<path d="%s" fill="#000"/></svg>') % (
        escape(root.get('viewBox')), escape(path.get('d')))


def grid(width_mm, height_mm, page_width_mm=210, page_height_mm=297,
        margin_mm=PAGE_MARGIN, gap_mm=GAP):
    """(columns, rows) of labels that fit on a page with its margin and the
    gaps between labels; (0, 0) when not even one fits."""
    columns = math.floor(
        (page_width_mm - 2 * margin_mm + gap_mm) / (width_mm + gap_mm))
    rows = math.floor(
        (page_height_mm - 2 * margin_mm + gap_mm) / (height_mm + gap_mm))
    if columns < 1 or rows < 1:
        return 0, 0
    return columns, rows


def _text(value):
    return escape(str(value)) if value not in (None, '') else ''


def _date(value, date_format):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime(date_format)
    return str(value) if value else ''


def _style(width, height, page_width, page_height, number_chars,
        detail_ems):
    """The sheet's CSS, in mm and pt scaled to the label. The QR code is at
    the left, as high as the label allows once the unit is set under it,
    and at most 42 % of its width. The number is as big as the column
    beside it allows (at least 14 pt); the details as big as the room
    left allows, with client and powder on one line each on small labels,
    and so that the widest caption and value (`detail_ems` ems) fit."""
    pad = min(max(min(width, height) * 0.05, 1.5), 3)
    # The quiet zone keeps the modules off the edges: the code sits closer.
    edge = pad / 2
    unit = min(max(height * 0.3, 11), 36)
    qr = max(min(height - 2 * edge - unit / MM - 2, width * 0.42), 10)
    column = width - edge - qr - 2 * pad
    # DejaVu Sans Bold: about 0.7 em a character of a part number.
    number = max(14, min(
        column * MM / (number_chars * 0.7), height * 0.24 * MM, 72))
    room = (height - 2 * pad - number * 1.05 / MM - 1.4) * MM
    largest = min(column * MM / detail_ems, height * 0.19)
    # Height in ems of the details: client (1.1 × 1.15 a line) and powder
    # (1.2 a line) on `lines` lines, then project, date and batch.
    for lines in [2, 1]:
        detail = min(largest, room / (lines * 2.465 + 3.6))
        if detail >= min(largest, 8):
            break
    detail = max(detail, 7)
    return STYLE % {
        'page_width': page_width,
        'page_height': page_height,
        'width': width,
        'height': height,
        'pad': pad,
        'edge': edge,
        'qr': qr,
        'unit': unit,
        'column': column,
        'text_height': height - 2 * pad,
        'number': number,
        'client': detail * 1.1,
        'detail': detail,
        'caption': detail * 0.85,
        'client_lines': lines * 1.15,
        'powder_lines': lines * 1.2,
        'wrap': 'normal' if lines > 1 else 'nowrap',
        }


STYLE = '''
@page { size: %(page_width).2fmm %(page_height).2fmm; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif;
  color: #000; background: #fff; }
.sheet { position: relative; width: %(page_width).2fmm;
  height: %(page_height).2fmm; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
.label { position: absolute; box-sizing: border-box; overflow: hidden;
  width: %(width).2fmm; height: %(height).2fmm;
  border: 0.3mm dashed #000; }
.single .label { border: none; }
.qr { position: absolute; left: %(edge).2fmm; top: %(edge).2fmm;
  width: %(qr).2fmm; height: %(qr).2fmm; }
.qr svg { display: block; width: 100%%; height: 100%%; }
.unit { position: absolute; left: %(edge).2fmm; bottom: %(pad).2fmm;
  width: %(qr).2fmm; text-align: center; }
.unit span { font-size: %(unit).1fpt; font-weight: bold; line-height: 1;
  border: 0.7mm solid #000; padding: 0.5mm 1.5mm; }
.text { position: absolute; right: %(pad).2fmm; top: %(pad).2fmm;
  width: %(column).2fmm; height: %(text_height).2fmm;
  overflow: hidden; display: flex; flex-direction: column;
  justify-content: space-between; }
.text div { overflow: hidden; }
.client, .detail { font-stretch: condensed; }
.number { font-size: %(number).1fpt; font-weight: bold; line-height: 1.05;
  white-space: nowrap; margin-bottom: 0.8mm; }
.client { font-size: %(client).1fpt; font-weight: bold; line-height: 1.15;
  max-height: %(client_lines).2fem; text-transform: uppercase;
  margin-bottom: 0.6mm; }
.detail { font-size: %(detail).1fpt; line-height: 1.2;
  white-space: nowrap; text-overflow: ellipsis; }
.client, .powder { white-space: %(wrap)s; }
.powder { max-height: %(powder_lines).2fem; }
.caption { font-size: %(caption).1fpt; }
.value { font-weight: bold; }
'''


def _details(label, captions, date_format):
    """The (caption, value) lines of a label: its project, then its promised
    date and batch when it has them."""
    details = [(captions['project'], label.get('project') or '')]
    promised = _date(label.get('promised_date'), date_format)
    if promised:
        details.append((captions['promised'], promised))
    if label.get('batch'):
        details.append((captions['batch'], str(label['batch'])))
    return details


def _ems(caption, value):
    """The width of a detail line in ems of its font (DejaVu Sans condensed:
    the caption in smaller type, the value in bold)."""
    return len(caption) * 0.43 + 0.3 + len(value) * 0.6


def _line(caption, value):
    return ('<div class="detail"><span class="caption">%s</span> '
        '<span class="value">%s</span></div>') % (
        _text(caption), _text(value))


def _label(label, captions, date_format):
    "One label's markup (its position is set by the caller)."
    project, *bottom = _details(label, captions, date_format)
    return (
        '<div class="qr">%(qr)s</div>%(unit)s<div class="text"><div>'
        '<div class="number">%(number)s</div>'
        '<div class="client">%(client)s</div>'
        '<div class="detail powder">%(powder)s</div>%(project)s</div>'
        '<div>%(bottom)s</div></div>') % {
        'qr': qr_svg(label['url']) if label.get('url') else '',
        'unit': ('<div class="unit"><span>%s</span></div>'
            % _text(label['unit']) if label.get('unit') else ''),
        'number': _text(label.get('number')),
        'client': _text(label.get('client')),
        # The separator stays with the word before it when a line breaks.
        'powder': _text(label.get('powder')).replace(' · ', '\xa0· '),
        'project': _line(*project),
        'bottom': ''.join(_line(*line) for line in bottom),
        }


def sheet_html(labels, width_mm, height_mm, page_width_mm=210,
        page_height_mm=297, lang='fr', captions=None, date_format=None,
        margin_mm=PAGE_MARGIN, gap_mm=GAP):
    """A complete HTML document (for weasyprint) of the `labels`, each
    width_mm × height_mm, as many on a page as fit in rows with a 5 mm
    margin and 3 mm gaps (dashed cut lines), the grid centred; a label
    larger than that gets a page of its own size, one label a page.

    `labels` is a list of dicts with keys 'number' (e.g. 'P-00042'),
    'url' (opened by the QR code), 'unit' (e.g. '1/4', or None), 'client',
    'project', 'powder' (e.g. 'RAL 7016 · Brillant · Polyester'),
    'promised_date' (datetime.date or None) and 'batch' (or None).
    `captions` translates the keys of CAPTIONS; `date_format` is a strftime
    format, dd/mm/yyyy by default. All the text is escaped."""
    labels = list(labels)
    captions = dict(CAPTIONS, **(captions or {}))
    date_format = date_format or DATE_FORMAT
    width, height = float(width_mm), float(height_mm)
    page_width, page_height = float(page_width_mm), float(page_height_mm)
    columns, rows = grid(
        width, height, page_width, page_height, margin_mm, gap_mm)
    if columns:
        left = (page_width - columns * width - (columns - 1) * gap_mm) / 2
        top = (page_height - rows * height - (rows - 1) * gap_mm) / 2
        positions = [
            (left + column * (width + gap_mm), top + row * (height + gap_mm))
            for row in range(rows) for column in range(columns)]
        sheet_class = 'sheet'
    else:
        page_width, page_height = width, height
        positions = [(0, 0)]
        sheet_class = 'sheet single'
    number_chars = max(
        [len(str(label.get('number') or '')) for label in labels] + [1])
    detail_ems = max([
            _ems(*line) for label in labels
            for line in _details(label, captions, date_format)] or [10])
    sheets = []
    for start in range(0, len(labels), len(positions)):
        page = labels[start:start + len(positions)]
        sheets.append('<section class="%s">%s</section>' % (
            sheet_class, ''.join(
                '<div class="label" style="left: %.2fmm; top: %.2fmm">'
                '%s</div>' % (x, y, _label(label, captions, date_format))
                for label, (x, y) in zip(page, positions))))
    return (
        '<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"/>'
        '<title>%s</title><style>%s</style></head>'
        '<body>%s</body></html>\n') % (
        _text(lang), _text(captions['title']),
        _style(width, height, page_width, page_height, number_chars,
            detail_ems),
        '\n'.join(sheets))


def sheet_pdf(html):
    """The PDF of a sheet_html document. Nothing is fetched: the QR codes
    are inline, and any other URL (file or network) is refused."""
    import weasyprint

    fetcher = weasyprint.URLFetcher(allowed_protocols={'data'})
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
