# French strings of the powder_coating dashboards (tableaux de bord), by
# English msgid (see i18n/fill_po.py), with the words of
# powder_coating_fr.py: batch is « série », non-conformity
# « non-conformité », quote « devis ». The typography of
# powder_coating_fr.py (non-breaking spaces) is applied at the end.
import os
import runpy

FR = {
    # Menus and actions
    'Dashboards': "Tableaux de bord",
    'Quotes': "Devis",
    'Production': "Production",
    'Powders': "Poudres",
    'Shades': "Teintes",
    'Finishes': "Finitions",
    'Powder Use': "Consommation de poudre",
    'Powder Use over Time': "Consommation dans le temps",
    'Stock': "Stock",
    'Quality': "Qualité",
    'Non-conformity Rate': "Taux de non-conformité",
    'Non-conformity Causes': "Causes des non-conformités",
    'Non-conformities per Powder': "Non-conformités par poudre",
    'Non-conformities per Finish': "Non-conformités par finition",
    'Money': "Chiffre d'affaires",

    # Models
    'Dashboard Period': "Période du tableau de bord",
    'Money Dashboard Period': "Période du tableau de bord financier",
    'Quote Dashboard': "Tableau de bord des devis",
    'Production Dashboard': "Tableau de bord de la production",
    'Shade Dashboard': "Tableau de bord des teintes",
    'Finish Dashboard': "Tableau de bord des finitions",
    'Quality Dashboard': "Tableau de bord de la qualité",
    'Stock Dashboard': "Tableau de bord du stock",
    'Money Dashboard': "Tableau de bord financier",

    # The period
    'From Date': "Du",
    'To Date': "Au",
    'Grouped by': "Regroupé par",
    'How the figures are grouped in the lists and graphs.':
        "Comment les chiffres sont regroupés dans les listes et les "
        "graphiques.",
    'Day': "Jour",
    'Week': "Semaine",
    'Month': "Mois",
    'Period': "Période",
    'The first day of the day, week or month.':
        "Le premier jour du jour, de la semaine ou du mois.",
    "Revenue here is the quotes signed by clients: invoicing is not "
    "available yet. Payments received, unpaid amounts by age and deposits "
    "versus balances will show once invoices exist.":
        "Le chiffre d'affaires est ici celui des devis signés par les "
        "clients : la facturation n'est pas encore disponible. Les "
        "paiements reçus, les impayés par ancienneté et les acomptes face "
        "aux soldes s'afficheront dès que les factures existeront.",

    # Quotes
    'Quotes Sent': "Devis envoyés",
    'Quotes sent to the client in the day, week or month.':
        "Devis envoyés au client dans le jour, la semaine ou le mois.",
    'Quotes Accepted': "Devis acceptés",
    'Of the quotes sent, those signed by the client.':
        "Parmi les devis envoyés, ceux que le client a signés.",
    'Quotes Refused': "Devis refusés",
    'Quotes Expired': "Devis expirés",
    'Conversion (%)': "Transformation (%)",
    'Accepted quotes out of the quotes sent.':
        "Part des devis envoyés qui ont été acceptés.",
    'Amount Quoted': "Montant des devis",
    'Untaxed total of the quotes sent.': "Total HT des devis envoyés.",
    'Average Amount': "Montant moyen",
    'Untaxed total per quote sent.': "Total HT par devis envoyé.",
    'Days to Accept': "Jours avant signature",
    'Average time from sending to signature of the accepted quotes.':
        "Délai moyen entre l'envoi et la signature des devis acceptés.",
    'Untaxed Sent': "HT à l'envoi",
    'The untaxed total when the quote was sent (the dashboards sum it).':
        "Le total HT au moment de l'envoi du devis (les tableaux de bord "
        "l'additionnent).",
    'Total Sent': "TTC à l'envoi",
    'The total when the quote was sent (the dashboards sum it).':
        "Le total TTC au moment de l'envoi du devis (les tableaux de bord "
        "l'additionnent).",

    # Production
    'Projects Finished': "Projets terminés",
    'Projects whose parts were all ready in the day, week or month.':
        "Projets dont toutes les pièces sont devenues prêtes dans le jour, "
        "la semaine ou le mois.",
    'Parts': "Pièces",
    'Surface (m²)': "Surface (m²)",
    "Surface coated: the parts' surface times their quantity.":
        "Surface laquée : la surface des pièces multipliée par leur "
        "quantité.",
    'Late Projects': "Projets en retard",
    'Projects ready after the date promised to the client.':
        "Projets prêts après la date promise au client.",
    'Late (%)': "En retard (%)",
    'Days to Ready': "Jours jusqu'à prêt",
    'Average time from the drop-off of the parts until they were all '
    'ready.':
        "Délai moyen entre le dépôt des pièces et le moment où elles sont "
        "toutes prêtes.",
    'Days to Delivery': "Jours jusqu'à livraison",
    'Average time from drop-off to delivery or collection, for the '
    'projects already delivered or collected.':
        "Délai moyen entre le dépôt et la livraison ou le retrait, pour "
        "les projets déjà livrés ou retirés.",
    'Use of Capacity (%)': "Utilisation de la capacité (%)",
    'Surface coated out of the daily capacity of the settings times the '
    'working days.':
        "Surface laquée rapportée à la capacité journalière des réglages "
        "multipliée par les jours travaillés.",
    'Daily Capacity (m²)': "Capacité journalière (m²)",
    'The surface the workshop can coat in one working day, all ovens '
    'together: the production dashboard compares the surface coated with '
    'it.':
        "La surface que l'atelier peut laquer en un jour travaillé, tous "
        "fours confondus : le tableau de bord de la production y compare "
        "la surface laquée.",
    'Working Days per Week': "Jours travaillés par semaine",
    'Days worked per week, from Monday: 5 is Monday to Friday.':
        "Jours travaillés par semaine, à partir du lundi : 5 pour du lundi "
        "au vendredi.",

    # Powders
    'RAL Shade': "Teinte RAL",
    'Finish': "Finition",
    'Units': "Unités",
    'Powder': "Poudre",
    'Used (kg)': "Consommé (kg)",
    'Powder sprayed: the stock moves to the powder booth.':
        "Poudre projetée : les mouvements de stock vers la cabine de "
        "poudrage.",
    'Trend': "Tendance",
    'The kilograms used per day, week or month of the period.':
        "Les kilos consommés par jour, semaine ou mois de la période.",

    # Stock
    'Stock (kg)': "Stock (kg)",
    'Theoretical stock at the end of the period: receipts less what was '
    "sprayed, with the weighings' corrections.":
        "Stock théorique à la fin de la période : les réceptions moins la "
        "poudre projetée, corrigées par les pesées.",
    'Powder sprayed over the period.': "Poudre projetée sur la période.",
    'Days Left': "Jours restants",
    'Days until the stock runs out at the pace of the period; empty when '
    'the powder was not used.':
        "Jours avant la rupture au rythme de la période ; vide si la "
        "poudre n'a pas été consommée.",
    'Alert Threshold (kg)': "Seuil d'alerte (kg)",
    'Supplier Lead Time (days)': "Délai fournisseur (jours)",
    'Risk': "Risque",
    'Out of Stock': "En rupture",
    'Under Threshold': "Sous le seuil",
    'Runs Out before Delivery': "Rupture avant livraison",
    'OK': "OK",
    'Reliability (%)': "Fiabilité (%)",
    'How well the weighings agree with the theoretical stock.':
        "À quel point les pesées confirment le stock théorique.",

    # Quality
    'Parts with Non-conformity': "Pièces avec non-conformité",
    'Non-conformities': "Non-conformités",
    'Non-conformity Rate (%)': "Taux de non-conformité (%)",
    'Parts with at least one non-conformity out of the parts.':
        "Part des pièces ayant eu au moins une non-conformité.",
    'Defect Type': "Type de défaut",
    'Parts Involved': "Pièces concernées",
    'To Resolve': "À résoudre",
    'Delay Caused (h)': "Retard causé (h)",
    'Hours from the defect to its resolution, summed.':
        "Heures entre le défaut et sa résolution, additionnées.",

    # Money
    'Signed Quotes': "Devis signés",
    'Signed (untaxed)': "Signé (HT)",
    'Untaxed total of the quotes signed in the day, week or month '
    '(invoicing is not available yet).':
        "Total HT des devis signés dans le jour, la semaine ou le mois (la "
        "facturation n'est pas encore disponible).",
    'Signed (incl. VAT)': "Signé (TTC)",
    'Accepted at': "Accepté le",
    'When the client signed the quote.': "Quand le client a signé le devis.",

    # The powders' days (no screen)
    'Powder per Day': "Poudre par jour",
    'Powder Finished per Day': "Poudre terminée par jour",
    'Quotes per Day': "Devis par jour",
    'Days from sending to signature, summed over the accepted quotes.':
        "Jours de l'envoi à la signature, additionnés sur les devis "
        "acceptés.",
    'Stock Change (kg)': "Variation du stock (kg)",
    'Product': "Produit",
    'Series': "Valeurs par période",
    }

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}

FR.update({
    'Parts Finished': "Pièces terminées",
    'Surface Finished (m²)': "Surface terminée (m²)",
    })
