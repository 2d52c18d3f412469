# French strings of the powder_coating refunds and card payments on Tryton's
# Stripe module (payment_stripe.py), by English msgid (see i18n/fill_po.py).
import os
import runpy

FR = {
    'Refund a Payment': "Rembourser un paiement",
    'Refund the Client': "Rembourser le client",
    'Make the Refund': "Effectuer le remboursement",
    'Refundable': "Remboursable",
    'Amount Received': "Montant reçu",
    'What the client paid by card, before any refund (Stripe lowers the '
    "payment's amount when it refunds).":
        "Ce que le client a payé par carte, avant tout remboursement "
        "(Stripe diminue le montant du paiement quand il rembourse).",
    'Workshop': "Atelier",
    'The workshop whose Stripe keys these are: only it sees them.':
        "L'atelier à qui sont ces clés Stripe : lui seul les voit.",
    'The payment given back: by card on Stripe, otherwise at the counter '
    'with the same means.':
        "Le paiement remboursé : par carte via Stripe, sinon au comptoir "
        "avec le même moyen.",
    'What the client gets back, VAT included.':
        "Ce que le client récupère, TVA comprise.",
    'The refund must be more than 0 and at most %(refundable)s, what is '
    'left of that payment.':
        "Le remboursement doit être supérieur à 0 et au plus de "
        "%(refundable)s, ce qui reste de ce paiement.",
    'Only a payment received on this quote or project can be refunded.':
        "Seul un paiement reçu sur ce devis ou ce projet peut être "
        "remboursé.",
    }

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}
