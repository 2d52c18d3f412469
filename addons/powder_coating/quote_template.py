# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""How a workshop's quotes look on paper: one of five ready styles, with
its logo, colours, texts by zone (header, footer, terms of sale, legal
notices) and the table's columns and spacing."""
import re
from html.parser import HTMLParser

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.modules.saas_portal.branding import (
    DEFAULT_ACCENT, DEFAULT_PRIMARY, image_type, valid_colour)
from trytond.pool import Pool

STYLES = [
    ('modern', "Modern"),
    ('classic', "Classic"),
    ('minimal', "Minimal"),
    ('premium', "Premium"),
    ('compact', "Compact"),
    ]
SPACINGS = [
    ('compact', "Compact"),
    ('normal', "Normal"),
    ('airy', "Airy"),
    ]
VARIABLES = ('client_name', 'date', 'amount', 'quote_number', 'workshop',
    'validity_date')
VARIABLE_RE = re.compile(r'\{([A-Za-z_][A-Za-z0-9_]*)\}')
LOGO_MAX_SIZE = 2 * 1024 * 1024

# Terms of sale: formatting only. Anything else is refused on save
# (UNSAFE_TAGS, on* attributes, javascript: links) or removed at rendering.
ALLOWED_TAGS = {'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol',
    'li', 'h3', 'h4', 'blockquote', 'small', 'sub', 'sup', 'span', 'div',
    'hr', 'a'}
ALLOWED_ATTRIBUTES = {'a': {'href', 'title'}}
UNSAFE_TAGS = {'script', 'iframe', 'frame', 'frameset', 'object', 'embed',
    'applet', 'form', 'input', 'button', 'textarea', 'select', 'link',
    'meta', 'base', 'style', 'svg', 'math', 'template'}
UNSAFE_SCHEMES = ('javascript:', 'vbscript:', 'data:')
URL_ATTRIBUTES = {'href', 'src', 'action', 'formaction', 'xlink:href',
    'background', 'poster', 'srcset'}


def substitute(text, values):
    """`text` with each {name} of `values` replaced; an unknown {name}
    stays as typed (templates are checked on save, see unknown_variables).
    """
    if not text:
        return ''

    def replace(match):
        name = match.group(1)
        if name in values:
            value = values[name]
            return '' if value is None else str(value)
        return match.group(0)
    return VARIABLE_RE.sub(replace, text)


def unknown_variables(text):
    "The {names} of `text` that are not variables, in order, once each."
    found = []
    for name in VARIABLE_RE.findall(text or ''):
        if name not in VARIABLES and name not in found:
            found.append(name)
    return found


class _UnsafeFinder(HTMLParser):

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.unsafe = []

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in UNSAFE_TAGS:
            self.unsafe.append('<%s>' % tag)
        for name, value in attrs:
            name = name.lower()
            if name.startswith('on'):
                self.unsafe.append('%s=' % name)
            elif name in URL_ATTRIBUTES and value:
                # Browsers ignore control characters and spaces in schemes.
                url = re.sub(r'[\x00-\x20]+', '', value).lower()
                for scheme in UNSAFE_SCHEMES:
                    if url.startswith(scheme):
                        self.unsafe.append(scheme)

    handle_startendtag = handle_starttag


def unsafe_html(html):
    """What makes `html` unsafe (scripts, frames, event handlers,
    javascript: links...), in order, once each; empty when safe."""
    if not html:
        return []
    finder = _UnsafeFinder()
    finder.feed(html)
    finder.close()
    lowered = html.lower()
    # What the parser may not see as a tag (e.g. "<scr<script>ipt>").
    for tag in ('script', 'iframe'):
        if '<' + tag in lowered and '<%s>' % tag not in finder.unsafe:
            finder.unsafe.append('<%s>' % tag)
    return list(dict.fromkeys(finder.unsafe))


def clean_html(html):
    "The terms of sale as rendered: allowed formatting only (nh3/Ammonia)."
    import nh3
    return nh3.clean(html or '', tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={'http', 'https', 'mailto', 'tel'},
        link_rel='noopener noreferrer')


class QuoteTemplate(TenantOwnedMixin, ModelSQL, ModelView):
    "Quote Template"
    __name__ = 'powder_coating.quote.template'
    __string__ = "Quote Template"

    name = fields.Char("Name", required=True,
        help="How the workshop recognises this look: \"Standard\", "
        "\"Large accounts\"...")
    style = fields.Selection(STYLES, "Style", required=True,
        help="The ready layout the colours and texts are applied to.")
    logo = fields.Binary("Logo",
        help="PNG, JPEG, WebP or SVG, 2 MB at most. Empty: the workshop's "
        "portal logo.")
    primary_colour = fields.Char("Primary Colour", size=7, required=True,
        help="Titles, table header and total, as #rrggbb.")
    accent_colour = fields.Char("Accent Colour", size=7, required=True,
        help="Rules and highlights, as #rrggbb.")
    header_text = fields.Text("Header Text",
        help="Under the workshop's address (e.g. certifications). "
        "Variables: {client_name}, {date}, {amount}, {quote_number}, "
        "{workshop}, {validity_date}.")
    footer_text = fields.Text("Footer Text",
        help="At the foot of every page (e.g. bank details). Same variables "
        "as the header.")
    conditions = fields.Text("Terms of Sale",
        help="Formatted text (bold, lists, links) printed after the totals. "
        "Scripts, frames and active content are refused. Same variables "
        "as the header.")
    legal_notices = fields.Text("Legal Notices",
        help="Company form, capital, registration, late payment penalties: "
        "printed in small type at the end of the quote.")
    show_surface = fields.Boolean("Show Surface",
        help="Show the surface column (m²) in the table of parts.")
    show_unit_price = fields.Boolean("Show Unit Price",
        help="Show the price per part next to the line total.")
    show_breakdown = fields.Boolean("Show Breakdown",
        help="Show under each part the powder, labour, consumables and "
        "preparation amounts.")
    description_width = fields.Integer("Description Width (%)",
        required=True,
        domain=[
            ('description_width', '>=', 25),
            ('description_width', '<=', 75),
            ],
        help="Share of the table's width given to the description of the "
        "parts, from 25 to 75%.")
    spacing = fields.Selection(SPACINGS, "Spacing", required=True,
        help="Space between the lines and the blocks of the document.")
    preview_variables = fields.Function(fields.Char("Variables",
            help="Type them in the header, footer or terms of sale: they "
            "are replaced by the quote's values when it is printed."),
        'get_preview_variables')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('name', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_style():
        return 'modern'

    @classmethod
    def _company(cls):
        Company = Pool().get('company.company')
        company = cls.default_company()
        return Company(company) if company is not None else None

    @classmethod
    def default_primary_colour(cls):
        company = cls._company()
        return (company.portal_primary_colour
            if company and company.portal_primary_colour else DEFAULT_PRIMARY)

    @classmethod
    def default_accent_colour(cls):
        company = cls._company()
        return (company.portal_accent_colour
            if company and company.portal_accent_colour else DEFAULT_ACCENT)

    @staticmethod
    def default_show_surface():
        return True

    @staticmethod
    def default_show_unit_price():
        return True

    @staticmethod
    def default_show_breakdown():
        return True

    @staticmethod
    def default_description_width():
        return 50

    @staticmethod
    def default_spacing():
        return 'normal'

    def get_preview_variables(self, name):
        return ' '.join('{%s}' % v for v in VARIABLES)

    @classmethod
    def create(cls, vlist):
        # Check before writing: a refused template leaves no row behind.
        for values in vlist:
            cls(**values).check_look()
        return super().create(vlist)

    @classmethod
    def write(cls, *args):
        actions = iter(args)
        for templates, values in zip(actions, actions):
            for template in templates:
                template = cls(template.id)
                for name, value in values.items():
                    setattr(template, name, value)
                template.check_look()
        super().write(*args)

    @classmethod
    def validate_fields(cls, templates, field_names):
        super().validate_fields(templates, field_names)
        for template in templates:
            template.check_look()

    def check_look(self):
        "Refuse bad colours, logos, variables and unsafe terms of sale."
        label = getattr(self, 'name', None) or ''
        for name in ['primary_colour', 'accent_colour']:
            value = getattr(self, name, None)
            if value and not valid_colour(value):
                raise ValidationError(gettext(
                        'powder_coating.msg_template_colour',
                        template=label, colour=value,
                        field=self.__names__(name)['field']))
        logo = getattr(self, 'logo', None)
        if logo:
            if not image_type(logo):
                raise ValidationError(gettext(
                        'powder_coating.msg_template_logo',
                        template=label))
            if len(logo) > LOGO_MAX_SIZE:
                raise ValidationError(gettext(
                        'powder_coating.msg_template_logo_size',
                        template=label,
                        size=LOGO_MAX_SIZE // (1024 * 1024)))
        for name in ['header_text', 'footer_text', 'conditions']:
            unknown = unknown_variables(getattr(self, name, None))
            if unknown:
                raise ValidationError(gettext(
                        'powder_coating.msg_template_variable',
                        template=label,
                        field=self.__names__(name)['field'],
                        variables=', '.join('{%s}' % v for v in unknown),
                        known=', '.join('{%s}' % v for v in VARIABLES)))
        unsafe = unsafe_html(getattr(self, 'conditions', None))
        if unsafe:
            raise ValidationError(gettext(
                    'powder_coating.msg_template_unsafe_html',
                    template=label, found=', '.join(unsafe)))


def look(template, quote=None, lang=None, money=None):
    """The look of `quote` for the report: its template's settings, else the
    built-in modern look with the workshop's colours and logo."""
    company = quote.company if quote else None
    values = variables(quote, lang, money) if quote else {}
    primary = (company.portal_primary_colour
        if company and company.portal_primary_colour else DEFAULT_PRIMARY)
    accent = (company.portal_accent_colour
        if company and company.portal_accent_colour else DEFAULT_ACCENT)
    result = {
        'style': 'modern',
        'logo': company.portal_logo if company else None,
        'primary': primary,
        'accent': accent,
        'header_text': '',
        'footer_text': '',
        'conditions': '',
        'legal_notices': '',
        'show_surface': True,
        'show_unit_price': True,
        'show_breakdown': True,
        'description_width': 50,
        'spacing': 'normal',
        }
    if template:
        result.update({
                'style': template.style or 'modern',
                'logo': template.logo or result['logo'],
                'primary': template.primary_colour
                if valid_colour(template.primary_colour) else primary,
                'accent': template.accent_colour
                if valid_colour(template.accent_colour) else accent,
                'header_text': substitute(template.header_text, values),
                'footer_text': substitute(template.footer_text, values),
                'conditions': clean_html(
                    substitute(template.conditions, values)),
                'legal_notices': template.legal_notices or '',
                'show_surface': bool(template.show_surface),
                'show_unit_price': bool(template.show_unit_price),
                'show_breakdown': bool(template.show_breakdown),
                'description_width': template.description_width or 50,
                'spacing': template.spacing or 'normal',
                })
    return result


def variables(quote, lang=None, money=None):
    "The values of the variables for `quote`, formatted for print."
    def date(value):
        if not value:
            return ''
        return lang.strftime(value) if lang else value.strftime('%d/%m/%Y')
    amount = quote.total_amount
    return {
        'client_name': quote.party.rec_name if quote.party else '',
        'date': date(quote.date),
        'amount': money(amount) if money and amount is not None
        else ('' if amount is None else str(amount)),
        'quote_number': quote.number or '',
        'workshop': quote.company.rec_name if quote.company else '',
        'validity_date': date(quote.validity_date),
        }
