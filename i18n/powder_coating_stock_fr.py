# French strings of the powder stock of the powder_coating addon (receipts,
# weighings, daily list, partial inventories, reorder suggestions), by
# English msgid (see i18n/fill_po.py). Weighing is « pesée », box
# « carton », tare « tare », partial inventory « inventaire partiel ».
import re

FR = {
    # Menus, actions, models
    'Powder Stock': "Stock de poudre",
    'Stock Levels': "Niveaux de stock",
    "Today's Weighings": "À peser aujourd'hui",
    'Weighing Lists': "Listes de pesée",
    'Weighings': "Pesées",
    'Weigh a Box': "Peser un carton",
    'Weighing Recorded': "Pesée enregistrée",
    'Receipts': "Réceptions",
    'Receive Powder': "Réceptionner de la poudre",
    'Powder Receipt': "Réception de poudre",
    'Powder Weighing': "Pesée de poudre",
    'Powder to Weigh': "Poudre à peser",
    'Partial Inventory': "Inventaire partiel",
    'Partial Inventories': "Inventaires partiels",
    'Powder Booth': "Cabine de poudrage",
    'Plan the Daily Weighings': "Préparer les pesées du jour",
    'Notify Low Powder Stock': "Signaler les poudres en stock bas",
    # Tabs of lists
    'To Reorder': "À commander",
    'Under Threshold': "Sous le seuil",
    'To Weigh': "À peser",
    # Powder fields
    'Stock Product': "Article stocké",
    'The powder as a stocked product (in kg), created with it.':
        "La poudre en tant qu'article stocké (en kg), créé avec elle.",
    'Alert Threshold (kg)': "Seuil d'alerte (kg)",
    'Below this stock the powder is flagged and the owner notified.':
        "Sous ce stock, la poudre est signalée et le gérant prévenu.",
    'Supplier Lead Time (days)': "Délai fournisseur (jours)",
    'Days between ordering and receiving the powder.':
        "Jours entre la commande et la réception de la poudre.",
    'Reliability (%)': "Fiabilité (%)",
    'How well the weighings agree with the theoretical stock: it rises '
    'when they agree and falls when they do not.':
        "L'accord entre les pesées et le stock théorique : elle monte "
        "quand ils concordent et baisse sinon.",
    'Last Weighed': "Dernière pesée",
    'Low Stock Notified': "Stock bas signalé le",
    'Stock (kg)': "Stock (kg)",
    'Theoretical stock: receipts less what was sprayed, as corrected by '
    'the last weighing.':
        "Stock théorique : les réceptions moins la poudre projetée, "
        "corrigé par la dernière pesée.",
    'Used in 8 Weeks (kg)': "Consommé sur 8 semaines (kg)",
    'Daily Use (kg)': "Consommation par jour (kg)",
    'Expected Stock-out': "Rupture prévue",
    'When the stock runs out at the pace of the last 8 weeks.':
        "Quand le stock sera épuisé au rythme des 8 dernières semaines.",
    'To Order (kg)': "À commander (kg)",
    'Boxes to Order': "Cartons à commander",
    'Under Threshold': "Sous le seuil",
    'To Reorder': "À commander",
    'Stock': "Stock",
    'Receive': "Réceptionner",
    # Receipts
    'Box': "Carton",
    'Boxes': "Cartons",
    'Quantity (kg)': "Quantité (kg)",
    'Price per kg': "Prix au kg",
    'Delivery Note': "Bon de livraison",
    'Received by': "Réceptionné par",
    'Stock Move': "Mouvement de stock",
    "Leave empty for the powder's price.":
        "Laisser vide pour le prix de la poudre.",
    # Weighings
    'Weighed at': "Pesé le",
    'Weighed by': "Pesé par",
    'Gross (kg)': "Brut (kg)",
    'Tare (kg)': "Tare (kg)",
    'Net (kg)': "Net (kg)",
    'Powder left in the box: gross less tare.':
        "Poudre restant dans le carton : brut moins tare.",
    'Sealed Boxes': "Cartons fermés",
    'Full boxes counted on the shelf beside the weighed one.':
        "Cartons pleins comptés sur l'étagère, en plus de celui pesé.",
    'Full, unopened boxes of this powder on the shelf.':
        "Cartons pleins, non ouverts, de cette poudre sur l'étagère.",
    'Real Stock (kg)': "Stock réel (kg)",
    'Theoretical Stock (kg)': "Stock théorique (kg)",
    'Gap (kg)': "Écart (kg)",
    'Real less theoretical: negative when powder went missing (spills, '
    'overspray, unrecorded jobs).':
        "Réel moins théorique : négatif quand de la poudre a disparu "
        "(renversée, surpulvérisation, travaux non saisis).",
    'Reliability after (%)': "Fiabilité après (%)",
    'Inventory': "Inventaire",
    'Tablet Identifier': "Identifiant de la tablette",
    "The workshop mode's identifier of the weighing: sent again after a "
    "lost answer, it is not recorded twice.":
        "L'identifiant de la pesée en mode atelier : renvoyée après une "
        "réponse perdue, elle n'est pas enregistrée deux fois.",
    'The box on the scale: its tare is taken off.':
        "Le carton sur la balance : sa tare est déduite.",
    'Gross Weight (kg)': "Poids brut (kg)",
    'What the scale shows, box included.':
        "Ce qu'affiche la balance, carton compris.",
    'Time': "Heure",
    'Reconciliation': "Rapprochement",
    'Save the Weighing': "Enregistrer la pesée",
    'OK': "OK",
    'Weighing': "Pesée",
    # Daily list
    'Much used lately': "Très utilisée récemment",
    'Not weighed for long': "Pas pesée depuis longtemps",
    'Unreliable stock': "Stock peu fiable",
    'Random check': "Contrôle aléatoire",
    'Why': "Pourquoi",
    'Rank': "Rang",
    'Weighed': "Pesée faite",
    'Weigh': "Peser",
    # Partial inventories
    'Start': "Début",
    'End': "Fin",
    'Powders to Weigh': "Poudres à peser",
    'The most used and the riskiest powders are chosen.':
        "Les poudres les plus utilisées et les plus à risque sont "
        "choisies.",
    'Planned': "Prévues",
    'Progress': "Avancement",
    'Running': "En cours",
    'Plan': "Planifier",
    'Complete': "Terminer",
    'The weighings not done yet are removed from the plan.':
        "Les pesées pas encore faites sont retirées du plan.",
    # Settings
    'Powder Stock': "Stock de poudre",
    'Boxes to Weigh per Day': "Cartons à peser par jour",
    'How many powders the daily list proposes to weigh (one of them '
    'drawn at random so every powder comes up).':
        "Combien de poudres la liste du jour propose de peser (l'une "
        "tirée au hasard pour que chaque poudre passe un jour).",
    # Messages
    "The box format %(format)s of %(powder)s has no tare: enter the weight "
    "of the empty box in the powder's formats before weighing.":
        "Le carton de %(format)s de %(powder)s n'a pas de tare : "
        "saisissez le poids du carton vide dans les conditionnements de la "
        "poudre avant de peser.",
    'The gross weight %(gross)s kg is lighter than the tare of the box '
    '(%(tare)s kg): check the scale and the box format of %(powder)s.':
        "Le poids brut de %(gross)s kg est inférieur à la tare du carton "
        "(%(tare)s kg) : vérifiez la balance et le conditionnement de "
        "%(powder)s.",
    'The number of sealed boxes cannot be negative.':
        "Le nombre de cartons fermés ne peut pas être négatif.",
    'The coverage of %(powder)s must be positive.':
        "Le rendement de %(powder)s doit être positif.",
    'Choose the box on the scale: %(powder)s has several formats (or none: '
    'add one with its tare).':
        "Choisissez le carton posé sur la balance : %(powder)s a plusieurs "
        "conditionnements (ou aucun : ajoutez-en un avec sa tare).",
    'A receipt needs at least one box (%(boxes)s given): a return to the '
    'supplier is not a receipt.':
        "Une réception compte au moins un carton (%(boxes)s saisi) : un "
        "retour fournisseur n'est pas une réception.",
    'The box format does not belong to %(powder)s.':
        "Ce conditionnement n'est pas celui de %(powder)s.",
    'The price per kg cannot be negative.':
        "Le prix au kg ne peut pas être négatif.",
    'Receipts and weighings are a journal: they cannot be changed or '
    'deleted. Record a new weighing to correct the stock.':
        "Les réceptions et les pesées forment un journal : elles ne "
        "peuvent être ni modifiées ni supprimées. Enregistrez une nouvelle "
        "pesée pour corriger le stock.",
    'The partial inventory "%(count)s" has no powder to weigh: add powders '
    'to the catalogue first.':
        "L'inventaire partiel « %(count)s » n'a aucune poudre à peser : "
        "ajoutez d'abord des poudres au catalogue.",
    'Low stock: %(powder)s': "Stock bas : %(powder)s",
    '%(stock)s kg left (alert threshold %(threshold)s kg); expected '
    'stock-out: %(date)s.':
        "%(stock)s kg restants (seuil d'alerte %(threshold)s kg) ; rupture "
        "prévue : %(date)s.",
    '%(powder)s weighed: %(real)s kg on the shelf (gap to theory %(gap)s '
    'kg).':
        "%(powder)s pesée : %(real)s kg sur l'étagère (écart à la théorie "
        "%(gap)s kg).",
    }


def _typography(text):
    "French spacing: a non-breaking space before : ; ? ! and inside « »."
    text = re.sub(r' (?=[:;?!»]|%(?!\())', '\u00a0', text)
    return text.replace('« ', '«\u00a0')


FR = {english: _typography(french) for english, french in FR.items()}

FR.update({
    'Cancelled': "Annulé",
    'Done': "Terminé",
    'Partial inventory': "Inventaire partiel",
    })
FR.update({
    'Due': "Échéance",
    'Today': "Aujourd'hui",
    'Overdue': "En retard",
    'Later': "Plus tard",
    })
