# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Helpers for the scenarios: a real local SMTP server, French loaded."""
import email
import email.policy
import socket

from proteus import Model

import trytond.config as config


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class SMTPSink:
    """A real SMTP server on 127.0.0.1 that keeps the messages it receives,
    and Tryton's [email] uri pointing at it. Give `port` to start it where a
    provider already points."""

    def __init__(self, port=None):
        from aiosmtpd.controller import Controller
        self.messages = []
        self.port = port or free_port()
        self.controller = Controller(
            self, hostname='127.0.0.1', port=self.port)
        self.controller.start()
        self.uri = 'smtp://127.0.0.1:%s' % self.port
        config.set('email', 'uri', self.uri)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(
                envelope.content, policy=email.policy.default))
        return '250 Message accepted for delivery'

    def stop(self):
        self.controller.stop()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.stop()


def smtp_server():
    return SMTPSink()


def load_french(config=None):
    "Make French translatable and load its translations."
    Lang = Model.get('ir.lang', config=config)
    french, = Lang.find([('code', '=', 'fr')])
    french.click('load_translations')


def create_reference_data(config=None):
    "EUR and France, as the demo and a fresh install have them."
    Currency = Model.get('currency.currency', config=config)
    Country = Model.get('country.country', config=config)
    if not Currency.find([('code', '=', 'EUR')]):
        Currency(name="Euro", code='EUR', symbol='€', digits=2).save()
    if not Country.find([('code', '=', 'FR')]):
        Country(name="France", code='FR').save()


def create_workshops(config=None):
    """Two workshops, Durand and Martin, opened by the admin (a publisher),
    each with an owner, an administrator and an operator (password 'demo')."""
    from proteus import Wizard
    # The owners' welcome emails go to a real local SMTP server.
    smtp = smtp_server()
    try:
        _create_workshops(config)
    finally:
        smtp.stop()


def _create_workshops(config):
    from proteus import Wizard
    User = Model.get('res.user', config=config)
    Group = Model.get('res.group', config=config)
    Company = Model.get('company.company', config=config)
    for key, name, siret in [
            ('durand', "Thermolaquage Durand", '73282932000017'),
            ('martin', "Époxy Services Martin", '55208131700018'),
            ]:
        wizard = Wizard('saas.workshop.create', config=config)
        wizard.form.name = name
        wizard.form.siret = siret
        wizard.form.owner_name = "Owner %s" % key.capitalize()
        wizard.form.owner_login = 'owner.%s' % key
        wizard.form.owner_email = 'owner.%s@example.com' % key
        wizard.execute('create_')
        company = wizard.form.company
        wizard.execute('end')
        owner, = User.find([('login', '=', 'owner.%s' % key)])
        owner.password = 'demo-password'
        owner.save()
        for role in ['admin', 'operator', 'accounting']:
            group, = Group.find([('name', '=', "Workshop %s" % {
                            'admin': "Administrator",
                            'operator': "Operator",
                            'accounting': "Accounting"}[role])])
            user = User(name="%s %s" % (role, key), login='%s.%s' % (role, key))
            user.companies.append(Company(company.id))
            user.company = Company(company.id)
            user.groups.append(group)
            user.save()


def create_workshop_user(company, login, role, name=None):
    """A user of `company` (its current workshop) in the saas role group
    `role` ('owner', 'accounting'...), to test with the access rules."""
    from trytond.pool import Pool
    pool = Pool()
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    user, = User.create([{
                'name': name or login, 'login': login,
                'companies': [('add', [company.id])],
                'groups': [('add', [ModelData.get_id(
                                'saas', f'group_{role}')])],
                }])
    User.write([user], {'company': company.id})
    return user
