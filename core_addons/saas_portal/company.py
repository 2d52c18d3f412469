# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A workshop's portal: its address (slug), logo and colours."""
from trytond.i18n import gettext
from trytond.model import Unique, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import PoolMeta
from trytond.transaction import Transaction, without_check_access

from .branding import (
    DEFAULT_ACCENT, DEFAULT_PRIMARY, image_type, readable_colour, slugify,
    text_colour, valid_colour, valid_slug)


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    portal_slug = fields.Char("Portal Address", strip=True,
        help="The part of the portal's address that names the workshop: "
        "/<database>/portal/<address>/.")
    portal_primary_colour = fields.Char("Primary Colour",
        help="The main colour of the portal (header, buttons), as #rrggbb.")
    portal_accent_colour = fields.Char("Accent Colour",
        help="The colour of highlights in the portal, as #rrggbb.")
    portal_logo = fields.Binary("Logo",
        file_id='portal_logo_id', store_prefix='portal_logo',
        help="A PNG, JPEG, WebP or SVG image shown at the top of the portal.")
    portal_logo_id = fields.Char("Logo ID", readonly=True)
    portal_url = fields.Function(fields.Char("Portal URL"), 'get_portal_url')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('portal_slug_unique', Unique(t, t.portal_slug),
                'saas_portal.msg_portal_slug_unique'),
            ]

    @classmethod
    def default_portal_primary_colour(cls):
        return DEFAULT_PRIMARY

    @classmethod
    def default_portal_accent_colour(cls):
        return DEFAULT_ACCENT

    def get_portal_url(self, name):
        if not self.portal_slug:
            return None
        database = Transaction().database.name
        return f'/{database}/portal/{self.portal_slug}/'

    @property
    def portal_text_colour(self):
        "The text colour readable on the primary colour."
        return text_colour(self.portal_primary_colour or DEFAULT_PRIMARY)

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        if values.get('portal_slug'):
            values['portal_slug'] = values['portal_slug'].strip().lower()
        return values

    @classmethod
    def create(cls, vlist):
        companies = super().create(vlist)
        cls._set_default_slug([c for c in companies if not c.portal_slug])
        return companies

    @classmethod
    def _set_default_slug(cls, companies):
        "Give each company without portal address one from its name."
        for company in companies:
            base = slugify(company.party.name if company.party else '') \
                or f'atelier-{company.id}'
            slug, n = base, 1
            with without_check_access():
                while cls.search([
                            ('portal_slug', '=', slug),
                            ('id', '!=', company.id),
                            ], limit=1):
                    n += 1
                    slug = f'{base}-{n}'
            company.portal_slug = slug
        cls.save(companies)

    @classmethod
    def validate_fields(cls, companies, field_names):
        super().validate_fields(companies, field_names)
        for company in companies:
            if (company.portal_slug is not None
                    and not valid_slug(company.portal_slug)):
                raise ValidationError(gettext(
                        'saas_portal.msg_portal_slug_invalid',
                        slug=company.portal_slug))
            if company.portal_logo and not image_type(company.portal_logo):
                raise ValidationError(gettext(
                        'saas_portal.msg_portal_logo_invalid'))
            for name in ['portal_primary_colour', 'portal_accent_colour']:
                value = getattr(company, name)
                if value and not valid_colour(value):
                    raise ValidationError(gettext(
                            'saas_portal.msg_portal_colour_invalid',
                            colour=value,
                            field=cls.__names__(name)['field']))
                if value and not readable_colour(value):
                    raise ValidationError(gettext(
                            'saas_portal.msg_portal_colour_contrast',
                            colour=value,
                            field=cls.__names__(name)['field']))
