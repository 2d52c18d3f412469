# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The scheduled actions of the subscriptions."""
from trytond.pool import PoolMeta


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.extend([
                ('saas.subscription|run_trials',
                    "Send the Trial Emails and End the Trials"),
                ('saas.subscription|renew',
                    "Renew the Subscriptions and Invoice their Periods"),
                ('saas.subscription|run_dunning',
                    "Retry Failed Payments, Remind and Suspend"),
                ('saas.plan.price_change|apply_due',
                    "Apply the Announced Price Changes"),
                ('saas.subscription.sla_credit|grant_credits',
                    "Grant the SLA Credits of the Last Month"),
                ])
