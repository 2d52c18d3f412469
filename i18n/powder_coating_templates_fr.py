# French strings of the quote templates of the powder_coating addon (styles,
# zones, variables, terms of sale, report), by English msgid (see
# i18n/fill_po.py).
FR = {
    # Menus, actions, models
    'Quote Templates': "Modèles de devis",
    'Quote Template': "Modèle de devis",

    # Fields
    'Company': "Société",
    'The workshop this record belongs to; other workshops never see it.':
        "L'atelier auquel appartient cet enregistrement ; les autres "
        "ateliers ne le voient jamais.",
    'Name': "Nom",
    'How the workshop recognises this look: "Standard", "Large accounts"...':
        "Le nom sous lequel l'atelier reconnaît cette présentation : "
        "« Standard », « Grands comptes »…",
    'Style': "Style",
    'The ready layout the colours and texts are applied to.':
        "La mise en page prête à laquelle s'appliquent les couleurs et les "
        "textes.",
    'Modern': "Moderne",
    'Classic': "Classique",
    'Minimal': "Épuré",
    'Premium': "Prestige",
    'Compact': "Compact",
    'Normal': "Normal",
    'Airy': "Aéré",
    'Logo': "Logo",
    "PNG, JPEG, WebP or SVG, 2 MB at most. Empty: the workshop's portal "
    "logo.":
        "PNG, JPEG, WebP ou SVG, 2 Mo au plus. Vide : le logo du portail de "
        "l'atelier.",
    'Primary Colour': "Couleur principale",
    'Titles, table header and total, as #rrggbb.':
        "Titres, en-tête du tableau et total, au format #rrggbb.",
    'Accent Colour': "Couleur d'accent",
    'Rules and highlights, as #rrggbb.':
        "Filets et mises en valeur, au format #rrggbb.",
    'Header Text': "Texte d'en-tête",
    "Under the workshop's address (e.g. certifications). Variables: "
    "{client_name}, {date}, {amount}, {quote_number}, {workshop}, "
    "{validity_date}.":
        "Sous l'adresse de l'atelier (par exemple les certifications). "
        "Variables : {client_name}, {date}, {amount}, {quote_number}, "
        "{workshop}, {validity_date}.",
    'Footer Text': "Texte de pied de page",
    'At the foot of every page (e.g. bank details). Same variables as the '
    'header.':
        "En bas de chaque page (par exemple les coordonnées bancaires). "
        "Mêmes variables que l'en-tête.",
    'Terms of Sale': "Conditions générales de vente",
    'Formatted text (bold, lists, links) printed after the totals. Scripts, '
    'frames and active content are refused. Same variables as the header.':
        "Texte mis en forme (gras, listes, liens) imprimé après les totaux. "
        "Les scripts, cadres et contenus actifs sont refusés. Mêmes "
        "variables que l'en-tête.",
    'Legal Notices': "Mentions légales",
    'Company form, capital, registration, late payment penalties: printed '
    'in small type at the end of the quote.':
        "Forme juridique, capital, immatriculation, pénalités de retard : "
        "imprimées en petits caractères à la fin du devis.",
    'Show Surface': "Afficher la surface",
    'Show the surface column (m²) in the table of parts.':
        "Affiche la colonne des surfaces (m²) dans le tableau des pièces.",
    'Show Unit Price': "Afficher le prix unitaire",
    'Show the price per part next to the line total.':
        "Affiche le prix par pièce à côté du total de la ligne.",
    'Show Breakdown': "Afficher le détail",
    'Show under each part the powder, labour, consumables and preparation '
    'amounts.':
        "Affiche sous chaque pièce les montants de poudre, de main-d'œuvre, "
        "de consommables et de préparation.",
    'Description Width (%)': "Largeur de la désignation (%)",
    "Share of the table's width given to the description of the parts, "
    "from 25 to 75%.":
        "Part de la largeur du tableau donnée à la désignation des pièces, "
        "de 25 à 75 %.",
    'Spacing': "Espacement",
    'Space between the lines and the blocks of the document.':
        "Espace entre les lignes et les blocs du document.",
    'Variables': "Variables",
    "Type them in the header, footer or terms of sale: they are replaced by "
    "the quote's values when it is printed.":
        "À saisir dans l'en-tête, le pied de page ou les conditions de "
        "vente : elles sont remplacées par les valeurs du devis à "
        "l'impression.",
    # On the quote and in the settings
    'Template': "Modèle",
    "How the quote looks on paper. Empty: the workshop's default template, "
    "else the built-in modern look.":
        "La présentation du devis imprimé. Vide : le modèle par défaut de "
        "l'atelier, sinon la présentation moderne intégrée.",
    'The look of new quotes; each quote can use another one.':
        "La présentation des nouveaux devis ; chaque devis peut en choisir "
        "une autre.",

    # Form pages
    'Header': "En-tête",
    'Body': "Corps",
    'Footer': "Pied de page",
    'Conditions': "Conditions",

    # Messages
    'The %(field)s "%(colour)s" of the quote template "%(template)s" is not '
    'a colour: type it as #rrggbb, e.g. #1e40af.':
        "La valeur « %(colour)s » du champ %(field)s du modèle de devis "
        "« %(template)s » n'est pas une couleur : saisissez-la au format "
        "#rrggbb, par exemple #1e40af.",
    'The logo of the quote template "%(template)s" must be a PNG, JPEG, '
    'WebP or SVG image.':
        "Le logo du modèle de devis « %(template)s » doit être une image "
        "PNG, JPEG, WebP ou SVG.",
    'The logo of the quote template "%(template)s" is too large: %(size)s '
    'MB at most.':
        "Le logo du modèle de devis « %(template)s » est trop lourd : "
        "%(size)s Mo au plus.",
    'The %(field)s of the quote template "%(template)s" uses unknown '
    'variables %(variables)s. The variables are %(known)s.':
        "Le champ %(field)s du modèle de devis « %(template)s » utilise des "
        "variables inconnues : %(variables)s. Les variables sont "
        "%(known)s.",
    'The terms of sale of the quote template "%(template)s" contain active '
    'content (%(found)s) that cannot be printed on a quote. Remove it and '
    'keep only text and formatting; nothing was saved.':
        "Les conditions de vente du modèle de devis « %(template)s » "
        "contiennent du contenu actif (%(found)s) qui ne peut pas figurer "
        "sur un devis. Retirez-le et ne gardez que du texte et de la mise "
        "en forme ; rien n'a été enregistré.",

    # Report
    'Terms of sale': "Conditions de vente",
    '· SIRET': "· SIRET",
}
