# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The publisher's rules for subscriptions: the trial (its length is the
one the public website announces), the dunning schedule, the suspension
delay and the notice a price change must give."""
from trytond.i18n import gettext
from trytond.model import ModelSingleton, ModelSQL, ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool

from .billing import parse_schedule


class Configuration(ModelSingleton, ModelSQL, ModelView):
    "Subscription Rules"
    __name__ = 'saas.subscription.configuration'
    __string__ = "Subscription Rules"

    default_software = fields.Many2One('saas.software', "New Workshops' Software",
        help="The software whose trial a new workshop starts.")
    trial_days = fields.Function(fields.Integer("Trial Days",
            help="The length of the free trial (the public website "
            "announces the same)."),
        'get_trial_days', setter='set_trial_days')
    trial_email_days = fields.Char("Trial Emails (Days)",
        help="The days of the trial on which the workshop is emailed, "
        "e.g. 7, 15, 25.")
    retry_days = fields.Char("Payment Retries (Days)",
        help="The days after a failed payment on which it is tried again, "
        "each time with a reminder, e.g. 1, 3, 7.")
    suspension_days = fields.Integer("Suspension After (Days)",
        help="Days after the first failed payment when a workshop that "
        "has not paid is suspended (read and export only).")
    price_notice_days = fields.Integer("Price Change Notice (Days)",
        help="How long before it applies a price change must be "
        "announced to the workshops it concerns.")

    @classmethod
    def default_trial_email_days(cls):
        return '7, 15, 25'

    @classmethod
    def default_retry_days(cls):
        return '1, 3, 7'

    @classmethod
    def default_suspension_days(cls):
        return 14

    @classmethod
    def default_price_notice_days(cls):
        return 30

    @classmethod
    def get_trial_days(cls, configurations, name):
        SiteConfiguration = Pool().get('saas_portal.site.configuration')
        days = SiteConfiguration(1).trial_days
        return {c.id: days if days is not None else 30
            for c in configurations}

    @classmethod
    def set_trial_days(cls, configurations, name, value):
        SiteConfiguration = Pool().get('saas_portal.site.configuration')
        site = SiteConfiguration(1)
        site.trial_days = value
        site.save()

    @classmethod
    def validate_fields(cls, configurations, field_names):
        super().validate_fields(configurations, field_names)
        for configuration in configurations:
            for name in ['trial_email_days', 'retry_days']:
                try:
                    parse_schedule(getattr(configuration, name))
                except ValueError as error:
                    raise ValidationError(gettext(
                            'saas_subscription.msg_schedule_invalid',
                            field=getattr(cls, name).string,
                            value=str(error)))

    @property
    def trial_emails(self):
        return parse_schedule(self.trial_email_days)

    @property
    def retries(self):
        return parse_schedule(self.retry_days)

    @classmethod
    def get_publisher(cls):
        """The company that sells the subscriptions and issues the SaaS
        invoices: the publisher of the public website's settings."""
        SiteConfiguration = Pool().get('saas_portal.site.configuration')
        return SiteConfiguration(1).get_publisher()
