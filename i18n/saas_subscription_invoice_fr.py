# French strings of saas_subscription's invoices and renewals (factures
# d'abonnement SaaS), by English msgid (see i18n/fill_po.py). The
# typography of powder_coating_fr.py (non-breaking spaces) is applied at
# the end. Invoice lines print dates as 01/04/2026 in every language.
import os
import runpy

FR = {
    # account.invoice
    'SaaS Subscription': "Abonnement SaaS",
    "The workshop's subscription this invoice bills.":
        "L'abonnement de l'atelier que cette facture facture.",
    'SaaS Billing': "Facturation SaaS",
    'A billing period of the subscription or a plan change.':
        "Une période de facturation de l'abonnement ou un changement de "
        "formule.",
    'Billing Period': "Période de facturation",
    'Plan Change': "Changement de formule",
    'Billed From': "Facturé du",
    'Billed Until': "Facturé jusqu'au",
    'The first day after the billed period.':
        "Le premier jour après la période facturée.",
    # saas.subscription
    'Invoiced Customer': "Client facturé",
    "The publisher's customer for this workshop, on the SaaS invoices.":
        "Le client de l'éditeur pour cet atelier, sur les factures SaaS.",
    'Credit Balance': "Avoir disponible",
    "Excluding VAT: what downgrades left to the workshop's credit, "
    "deducted from its next invoices.":
        "Hors TVA : ce que les passages à une formule inférieure ont "
        "laissé au crédit de l'atelier, déduit de ses prochaines factures.",
    'Invoices': "Factures",
    'Next Invoice Amount': "Montant de la prochaine facture",
    'Estimated, excluding VAT: the plan and options less the credit '
    'balance.':
        "Estimé, hors TVA : la formule et les options moins l'avoir "
        "disponible.",
    # Views, actions, menus, cron
    'SaaS Invoices': "Factures SaaS",
    'Renew the Subscriptions and Invoice their Periods':
        "Renouveler les abonnements et facturer leurs périodes",
    # Messages
    'This billing period of the subscription is already invoiced.':
        "Cette période de facturation de l'abonnement est déjà facturée.",
    "No publisher is set in the website's settings: the subscription "
    "invoices cannot be issued.":
        "Aucun éditeur n'est défini dans les paramètres du site : les "
        "factures d'abonnement ne peuvent pas être émises.",
    'The workshop "%(workshop)s" has no complete address (street, city, '
    'country): complete its details so its subscription can be invoiced.':
        "L'atelier « %(workshop)s » n'a pas d'adresse complète (rue, "
        "ville, pays) : complétez ses coordonnées pour que son abonnement "
        "puisse être facturé.",
    'The plan "%(plan)s" has no invoice product: set the service its '
    'invoices carry.':
        "La formule « %(plan)s » n'a pas de produit de facturation : "
        "indiquez le service que portent ses factures.",
    '%(plan)s — from %(start)s to %(end)s':
        "%(plan)s — du %(start)s au %(end)s",
    'Plan change %(old)s → %(new)s, from %(start)s to %(end)s':
        "Changement de formule %(old)s → %(new)s, du %(start)s au %(end)s",
    'Credit from earlier plan changes':
        "Avoir des changements de formule précédents",
    }

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}
