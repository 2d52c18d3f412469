# French strings of saas_subscription's payments and dunning (paiements
# et relances des abonnements SaaS), by English msgid (see
# i18n/fill_po.py). The typography of powder_coating_fr.py (non-breaking
# spaces) is applied at the end. Amounts in the emails are formatted by
# the reader's language (« 58,80 € »).
import os
import runpy

FR = {
    # connector.setting
    'Online Payment': "Paiement en ligne",

    # account.payment.stripe.account
    'SaaS Subscriptions': "Abonnements SaaS",
    "The publisher's account, that collects the subscriptions.":
        "Le compte de l'éditeur, qui encaisse les abonnements.",

    # account.payment
    'SaaS Invoice': "Facture SaaS",

    # saas.subscription
    'Card Holder': "Titulaire de la carte",
    "The workshop at the publisher's Stripe account: its saved card is "
    "charged for each invoice.":
        "L'atelier chez le compte Stripe de l'éditeur : sa carte "
        "enregistrée est débitée à chaque facture.",
    'SEPA Mandate': "Mandat SEPA",
    "The mandate the workshop gave the publisher to debit its IBAN for "
    "each invoice.":
        "Le mandat donné par l'atelier à l'éditeur pour prélever son IBAN "
        "à chaque facture.",
    'Card or Account': "Carte ou compte",
    'The card charged or the account debited for each invoice.':
        "La carte débitée ou le compte prélevé à chaque facture.",
    'Dunning': "Relances",
    'The failed payments, new attempts, reminders and suspension of the '
    'subscription.':
        "Les paiements échoués, nouvelles tentatives, rappels et la "
        "suspension de l'abonnement.",
    'Payment': "Paiement",
    'Save a Card': "Enregistrer une carte",
    'Save or replace the card charged for each invoice (Stripe\'s secure '
    'page).':
        "Enregistrer ou remplacer la carte débitée à chaque facture (page "
        "sécurisée de Stripe).",
    'Pay Now': "Payer maintenant",
    'Charge the unpaid invoices now with the card or mandate on file.':
        "Régler maintenant les factures impayées avec la carte ou le "
        "mandat enregistrés.",

    # saas.subscription.dunning
    'Dunning Step': "Étape de relance",
    'Subscription': "Abonnement",
    'Date': "Date",
    'Step': "Étape",
    'Payment Failed': "Paiement refusé",
    'Payment Attempt': "Tentative de paiement",
    'Reminder Sent': "Rappel envoyé",
    'Suspended': "Suspendu",
    'Paid': "Payé",
    'Invoice': "Facture",
    'Outcome': "Résultat",
    'Where the payment stands, or what was sent.':
        "Où en est le paiement, ou ce qui a été envoyé.",
    'Details': "Détails",
    'Company': "Société",

    # ir.cron
    'Retry Failed Payments, Remind and Suspend':
        "Représenter les paiements refusés, relancer et suspendre",

    # Messages
    'The publisher has no Stripe keys: enter the secret key and the '
    'webhook signing secret in its connector settings (Online Payment, '
    'provider Stripe) before charging cards.':
        "L'éditeur n'a pas de clés Stripe : saisissez la clé secrète et le "
        "secret de signature du webhook dans ses paramètres de connecteurs "
        "(Paiement en ligne, fournisseur Stripe) avant de débiter des "
        "cartes.",
    'The publisher needs an IBAN and a SEPA creditor identifier on its '
    'party before debiting mandates.':
        "L'éditeur doit avoir un IBAN et un identifiant créancier SEPA "
        "(ICS) sur son tiers avant de prélever des mandats.",
    'No card is saved for "%(workshop)s": save one with "Save a Card" '
    'under My Subscription.':
        "Aucune carte n'est enregistrée pour « %(workshop)s » : "
        "enregistrez-en une avec « Enregistrer une carte » dans Mon "
        "abonnement.",
    '"%(workshop)s" has no valid SEPA mandate: sign one, or choose '
    'another payment method.':
        "« %(workshop)s » n'a pas de mandat SEPA valide : signez-en un, ou "
        "choisissez un autre moyen de paiement.",
    'The IBAN given for "%(workshop)s" is not a valid IBAN: check it '
    '(FR76 followed by 23 characters for a French account).':
        "L'IBAN indiqué pour « %(workshop)s » n'est pas valide : "
        "vérifiez-le (FR76 suivi de 23 caractères pour un compte "
        "français).",
    'Payment of invoice %(invoice)s failed':
        "Le paiement de la facture %(invoice)s a échoué",
    'Hello,\n\nThe payment of invoice %(invoice)s (%(amount)s) failed. '
    'Your subscription stays active for now; we will try again in the '
    'coming days.\n\n%(how)s':
        "Bonjour,\n\nLe paiement de la facture %(invoice)s (%(amount)s) a "
        "échoué. Votre abonnement reste actif pour l'instant ; nous "
        "réessaierons dans les prochains jours.\n\n%(how)s",
    '%(software)s: payment received, thank you':
        "%(software)s : paiement reçu, merci",
    'Hello,\n\nYour payment was received: your subscription to '
    '%(software)s is active again, with all its features.':
        "Bonjour,\n\nVotre paiement a bien été reçu : votre abonnement à "
        "%(software)s est de nouveau actif, avec toutes ses fonctions.",
    'To pay now, open Atelier > My Subscription, replace the card with '
    '"Save a Card" if needed, then click "Pay Now".':
        "Pour payer maintenant, ouvrez Atelier > Mon abonnement, remplacez "
        "la carte avec « Enregistrer une carte » si besoin, puis cliquez "
        "sur « Payer maintenant ».",
    'Check that your bank account can be debited, or pay by transfer '
    'quoting the invoice number; the debit is presented again in the '
    'coming days.':
        "Vérifiez que votre compte bancaire peut être prélevé, ou payez par "
        "virement en indiquant le numéro de facture ; le prélèvement sera "
        "représenté dans les prochains jours.",
    "Please pay by bank transfer to the publisher's account shown on the "
    "invoice, quoting the invoice number.":
        "Merci de payer par virement sur le compte de l'éditeur indiqué "
        "sur la facture, en précisant le numéro de facture.",
    'Transfer not received by the due date.':
        "Virement non reçu à l'échéance.",
    '%(software)s: your subscription is unpaid':
        "%(software)s : votre abonnement est impayé",
    'Hello,\n\nInvoice(s) %(invoices)s for %(amount)s remain unpaid. '
    'Without payment, your workshop will be suspended in %(days)s days: '
    'you will still read and export your data, but not create.\n\n'
    '%(how)s':
        "Bonjour,\n\nLa ou les factures %(invoices)s, pour %(amount)s, "
        "restent impayées. Sans paiement, votre atelier sera suspendu dans "
        "%(days)s jours : vous pourrez toujours consulter et exporter vos "
        "données, mais plus en créer.\n\n%(how)s",
    '%(software)s: your workshop is suspended':
        "%(software)s : votre atelier est suspendu",
    'Hello,\n\nYour subscription to %(software)s is suspended for an '
    'unpaid amount of %(amount)s. Your data is safe: you can still read '
    'and export it, but not create or change it.\n\nThe suspension is '
    'lifted as soon as the payment is received. %(how)s':
        "Bonjour,\n\nVotre abonnement à %(software)s est suspendu pour un "
        "impayé de %(amount)s. Vos données sont en sécurité : vous pouvez "
        "toujours les consulter et les exporter, mais plus en créer ni les "
        "modifier.\n\nLa suspension est levée dès réception du paiement. "
        "%(how)s",
    }

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}
