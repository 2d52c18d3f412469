# French strings of saas_subscription's price changes, rules audit and SLA
# credits (changements de prix, crédits SLA), by English msgid (see
# i18n/fill_po.py). A plan is a « formule », an option an « option », the
# publisher « l'éditeur », uptime « disponibilité ». The typography of
# powder_coating_fr.py (non-breaking spaces) is applied at the end.
import os
import runpy

FR = {
    # Menus, actions, tabs
    'Price Changes': "Changements de prix",
    'Planned': "Prévus",
    'All': "Tous",
    'SLA Credits': "Crédits SLA",

    # Price change
    'Price Change': "Changement de prix",
    'Plan': "Formule",
    'The plan or option whose monthly price changes.':
        "La formule ou l'option dont le prix mensuel change.",
    'Current Price': "Prix actuel",
    "The plan's price when the change was announced (excluding VAT).":
        "Le prix de la formule lors de l'annonce du changement (HT).",
    'New Price': "Nouveau prix",
    'Monthly, excluding VAT.': "Mensuel, HT.",
    'Effective Date': "Date d'effet",
    'From this day the invoices carry the new price; it must leave the '
    'notice of the subscription rules.':
        "À partir de ce jour, les factures portent le nouveau prix ; elle "
        "doit respecter le préavis des règles d'abonnement.",
    'Reason': "Motif",
    'Told to the workshops in the announcement.':
        "Communiqué aux ateliers dans l'annonce.",
    'State': "État",
    'Draft': "Brouillon",
    'Announced': "Annoncé",
    'Applied': "Appliqué",
    'Cancelled': "Annulé",
    'Announced On': "Annoncé le",
    'Workshops Emailed': "Ateliers prévenus",
    'The workshops told of the change when it was announced.':
        "Les ateliers prévenus du changement lors de son annonce.",
    'Applied On': "Appliqué le",
    'Announce': "Annoncer",
    'Cancel': "Annuler",
    'Every workshop using the plan is emailed now. Announce?':
        "Chaque atelier qui utilise la formule reçoit un email maintenant. "
        "Annoncer ?",
    'Apply the Announced Price Changes':
        "Appliquer les changements de prix annoncés",

    # Plan
    'Price Changes ': "Changements de prix",

    # Messages of the price changes
    '%(count)s workshop(s) use "%(plan)s": its price cannot be changed '
    'here. Create a price change under Publisher > Price Changes; it is '
    'announced to them before it applies.':
        "%(count)s atelier(s) utilisent « %(plan)s » : son prix ne peut pas "
        "être modifié ici. Créez un changement de prix dans Éditeur SaaS > "
        "Changements de prix ; il leur est annoncé avant de s'appliquer.",
    'A price change must be announced at least %(days)s days before it '
    'applies: the new price of "%(plan)s" cannot apply on %(date)s, at the '
    'earliest on %(earliest)s.':
        "Un changement de prix doit être annoncé au moins %(days)s jours "
        "avant de s'appliquer : le nouveau prix de « %(plan)s » ne peut pas "
        "s'appliquer le %(date)s, au plus tôt le %(earliest)s.",
    '%(plan)s: new price from %(date)s':
        "%(plan)s : nouveau prix à partir du %(date)s",
    'Hello,\n\nThe monthly price of %(plan)s changes from %(old)s to '
    '%(new)s excl. VAT on %(date)s. Until then your invoices keep the '
    'current price.\n\n%(reason)s\n\nYou can change your plan or cancel at '
    'the end of your period under Atelier > My Subscription.':
        "Bonjour,\n\nLe prix mensuel de %(plan)s passe de %(old)s à %(new)s "
        "HT le %(date)s. D'ici là, vos factures gardent le prix actuel."
        "\n\n%(reason)s\n\nVous pouvez changer de formule ou résilier à la "
        "fin de votre période dans Atelier > Mon abonnement.",
    '%(plan)s: the price change of %(date)s is cancelled':
        "%(plan)s : le changement de prix du %(date)s est annulé",
    'Hello,\n\nThe new price of %(plan)s announced for %(date)s (%(new)s '
    'excl. VAT) will not apply: the monthly price stays %(old)s excl. VAT.':
        "Bonjour,\n\nLe nouveau prix de %(plan)s annoncé pour le %(date)s "
        "(%(new)s HT) ne s'appliquera pas : le prix mensuel reste %(old)s "
        "HT.",
    '%(new)s from %(date)s, %(count)s workshop(s) emailed':
        "%(new)s à partir du %(date)s, %(count)s atelier(s) prévenu(s)",

    # SLA credit
    'SLA Credit': "Crédit SLA",
    'Subscription': "Abonnement",
    'Month': "Mois",
    'The first day of the month measured.': "Le premier jour du mois mesuré.",
    'Measured Uptime (%)': "Disponibilité mesurée (%)",
    "The share of the application's health checks of the month that "
    "passed.":
        "La part des contrôles de santé de l'application réussis dans "
        "le mois.",
    'Promised Uptime (%)': "Disponibilité promise (%)",
    "Month's Fee": "Redevance du mois",
    'Excluding VAT: what the month was billed.':
        "HT : ce qui a été facturé pour le mois.",
    'Credited Share': "Part créditée",
    'Up to 10 % of the fee, in proportion to the shortfall.':
        "Jusqu'à 10 % de la redevance, en proportion de l'écart.",
    'Amount': "Montant",
    'Excluding VAT, deducted on the next invoice.':
        "HT, déduit de la prochaine facture.",
    'Pending': "À déduire",
    'Invoice Line': "Ligne de facture",
    'The line of the invoice that deducted the credit.':
        "La ligne de la facture qui a déduit le crédit.",
    'Grant the SLA Credits of the Last Month':
        "Accorder les crédits SLA du mois dernier",
    'A subscription gets one SLA credit per month.':
        "Un abonnement reçoit un seul crédit SLA par mois.",
    'SLA credit — uptime of %(uptime)s %% in %(month)s (promise '
    '%(target)s %%)':
        "Crédit SLA — disponibilité de %(uptime)s %% en %(month)s "
        "(engagement %(target)s %%)",
    }
del FR['Price Changes ']

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}
