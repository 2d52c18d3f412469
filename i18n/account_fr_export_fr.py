# French strings of account_fr_export's invoicing core: settings, French
# rules at posting, deposit and balance invoices, the portal (settings.py,
# invoice.py, project.py, portal.py), by English msgid (see i18n/fill_po.py).
FR = {
    # menus, settings
    'Invoicing': "Facturation",
    'Invoicing Settings': "Réglages de facturation",
    'Invoice Number Format': "Format des numéros de facture",
    'AAAA is replaced by the year, MM by the month and the run of N by the '
    'number (FACT-AAAA-NNNN gives FACT-2026-0001). Numbers follow each other '
    'without gaps within a fiscal year; a change applies from the next '
    'fiscal year.':
        "AAAA est remplacé par l'année, MM par le mois et la suite de N par "
        "le numéro (FACT-AAAA-NNNN donne FACT-2026-0001). Les numéros se "
        "suivent sans trou dans un exercice ; un changement s'applique à "
        "partir de l'exercice suivant.",
    'Example': "Exemple",
    'Legal Form': "Forme juridique",
    'As on the Kbis extract: SARL, SAS, EURL, EI...':
        "Comme sur l'extrait Kbis : SARL, SAS, EURL, EI…",
    'Share Capital': "Capital social",
    'Trade Register': "Registre",
    'The register and its city, e.g. « RCS Lyon » or « RM 69 ».':
        "Le registre et sa ville, par exemple « RCS Lyon » ou « RM 69 ».",
    'Payment Term': "Conditions de paiement",
    'Sets the due date of new invoices.':
        "Fixe l'échéance des nouvelles factures.",
    'Late Payment Interest (%/year)': "Pénalités de retard (%/an)",
    "Empty: the rate of the European Central Bank's latest refinancing "
    "operation plus 10 points (article L441-10 of the Commercial Code).":
        "Vide : le taux de la dernière opération de refinancement de la "
        "Banque centrale européenne majoré de 10 points (article L441-10 du "
        "Code de commerce).",
    'Fixed Recovery Indemnity': "Indemnité forfaitaire de recouvrement",
    'Owed by professional clients paying late (at least 40 €, article '
    'D441-5 of the Commercial Code).':
        "Due par les clients professionnels qui paient en retard (40 € au "
        "moins, article D441-5 du Code de commerce).",
    'Early Payment Discount': "Escompte pour paiement anticipé",
    "Empty: « Pas d'escompte pour paiement anticipé ».":
        "Vide : « Pas d'escompte pour paiement anticipé ».",
    'Email Posted Invoices': "Envoyer les factures par email",
    'Send each posted invoice (Factur-X PDF) to the client.':
        "Envoyer chaque facture validée (PDF Factur-X) au client.",
    'Numbering': "Numérotation",
    'Legal Mentions': "Mentions légales",
    'Payment': "Paiement",
    'Upon Receipt': "À réception",
    '30 Days': "30 jours",
    'A workshop has only one set of invoicing settings.':
        "Un atelier n'a qu'un seul jeu de réglages de facturation.",
    'The invoice number format "%(format)s" is not valid: it needs one run '
    'of 3 to 9 N for the number, at the end or followed by fixed text (AAAA '
    'is the year, MM the month), e.g. FACT-AAAA-NNNN.':
        "Le format de numéro de facture « %(format)s » n'est pas valable : "
        "il faut une suite de 3 à 9 N pour le numéro, à la fin ou suivie "
        "d'un texte fixe (AAAA est l'année, MM le mois), par exemple "
        "FACT-AAAA-NNNN.",
    # invoices
    'Purpose': "Objet",
    'A deposit invoice (acompte) or the balance invoice (solde) deducting '
    'the deposits.':
        "Une facture d'acompte ou la facture de solde qui déduit les "
        "acomptes.",
    'Deposit': "Acompte",
    'Balance': "Solde",
    'Reverse Charge': "Autoliquidation",
    'The client, a business elsewhere in the EU, pays the VAT '
    '(autoliquidation).':
        "Le client, une entreprise d'un autre pays de l'UE, acquitte la TVA "
        "(autoliquidation).",
    'Invoice "%(invoice)s" cannot be posted: the workshop "%(workshop)s" has '
    "no SIREN or SIRET. Add it to the workshop's party (Identifiers).":
        "La facture « %(invoice)s » ne peut pas être validée : l'atelier "
        "« %(workshop)s » n'a ni SIREN ni SIRET. Ajoutez-le au tiers de "
        "l'atelier (Identifiants).",
    'Invoice "%(invoice)s" cannot be posted: the workshop "%(workshop)s" has '
    "no intra-community VAT number. Add it to the workshop's party "
    "(Identifiers).":
        "La facture « %(invoice)s » ne peut pas être validée : l'atelier "
        "« %(workshop)s » n'a pas de numéro de TVA intracommunautaire. "
        "Ajoutez-le au tiers de l'atelier (Identifiants).",
    'Invoice "%(invoice)s" cannot be posted: the client "%(client)s" needs '
    'an invoice address with street, city and country.':
        "La facture « %(invoice)s » ne peut pas être validée : le client "
        "« %(client)s » doit avoir une adresse de facturation avec rue, "
        "ville et pays.",
    'Invoice "%(invoice)s" cannot be posted: "%(client)s" is a professional '
    'client in France and its SIREN is required on invoices. Add it to the '
    'client (Identifiers).':
        "La facture « %(invoice)s » ne peut pas être validée : « %(client)s "
        "» est un client professionnel en France et son SIREN doit figurer "
        "sur les factures. Ajoutez-le au client (Identifiants).",
    'Invoice "%(invoice)s" cannot be posted with reverse charge: '
    '"%(client)s" needs an intra-community VAT number and an invoice '
    'address in another EU country.':
        "La facture « %(invoice)s » ne peut pas être validée en "
        "autoliquidation : « %(client)s » doit avoir un numéro de TVA "
        "intracommunautaire et une adresse de facturation dans un autre "
        "pays de l'UE.",
    'Invoice "%(invoice)s" cannot be posted with reverse charge: VIES does '
    'not recognise the VAT number %(number)s of "%(client)s". Correct the '
    'number or charge French VAT.':
        "La facture « %(invoice)s » ne peut pas être validée en "
        "autoliquidation : VIES ne reconnaît pas le numéro de TVA "
        "%(number)s de « %(client)s ». Corrigez le numéro ou facturez la "
        "TVA française.",
    'Invoice "%(invoice)s" cannot be posted with reverse charge now: the VAT '
    'number %(number)s could not be checked (%(error)s). Try again later.':
        "La facture « %(invoice)s » ne peut pas être validée en "
        "autoliquidation pour l'instant : le numéro de TVA %(number)s n'a "
        "pas pu être vérifié (%(error)s). Réessayez plus tard.",
    'There is no French VAT rate of %(rate)s %% for services.':
        "Il n'existe pas de taux de TVA française de %(rate)s %% pour les "
        "services.",
    'The workshop "%(workshop)s" has no French chart of taxes: create its '
    'chart of accounts first.':
        "L'atelier « %(workshop)s » n'a pas de plan de taxes français : "
        "créez d'abord son plan comptable.",
    # quotes and projects
    'Quote': "Devis",
    'Project': "Projet",
    'Invoices': "Factures",
    'The quote this invoice bills (deposit or balance).':
        "Le devis que facture cette facture (acompte ou solde).",
    'Deposit Invoice': "Facture d'acompte",
    'Balance Invoice': "Facture de solde",
    'Deposit on quote %(quote)s': "Acompte sur le devis %(quote)s",
    'Handling and set-up': "Frais de dossier et de préparation",
    'Deposit invoiced on %(number)s of %(date)s':
        "Acompte facturé sur %(number)s du %(date)s",
    'Quote "%(quote)s" is not accepted: only a signed quote is invoiced.':
        "Le devis « %(quote)s » n'est pas accepté : seul un devis signé est "
        "facturé.",
    'No deposit is asked on quote "%(quote)s": make its balance invoice.':
        "Aucun acompte n'est demandé sur le devis « %(quote)s » : faites sa "
        "facture de solde.",
    'The whole deposit of quote "%(quote)s" is already invoiced.':
        "Tout l'acompte du devis « %(quote)s » est déjà facturé.",
    'Quote "%(quote)s" already has its balance invoice: no deposit invoice '
    'can follow it.':
        "Le devis « %(quote)s » a déjà sa facture de solde : aucune facture "
        "d'acompte ne peut la suivre.",
    'Quote "%(quote)s" already has its balance invoice. To correct it, '
    'credit it (credit note) and invoice again.':
        "Le devis « %(quote)s » a déjà sa facture de solde. Pour la "
        "corriger, créditez-la (avoir) et facturez de nouveau.",
    'Quote "%(quote)s" has a deposit invoice still in draft: post or cancel '
    'it before the balance invoice.':
        "Le devis « %(quote)s » a une facture d'acompte encore en brouillon "
        ": validez-la ou annulez-la avant la facture de solde.",
    'The client "%(client)s" has no address to invoice: add one to the '
    'client first.':
        "Le client « %(client)s » n'a pas d'adresse de facturation : "
        "ajoutez-en une d'abord.",
    'Project "%(project)s" has no quote to invoice from: make a customer '
    'invoice instead.':
        "Le projet « %(project)s » n'a pas de devis à facturer : faites "
        "plutôt une facture client.",
    # wizard screens (model names)
    'Account Fr Export Csv Export Start': "Export CSV",
    'Account Fr Export Csv Export Result': "Export CSV",
    'Account Fr Export Fec Check Start': "Vérifier un fichier FEC",
    'Account Fr Export Fec Check Result': "Rapport du fichier FEC",
    "${record.number or ''}": "${record.number or ''}",
    'Customer Invoices': "Factures clients",
    # portal
    'Invoice %(number)s': "Facture %(number)s",
    'Credit note %(number)s': "Avoir %(number)s",
    }
