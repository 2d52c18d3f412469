# French strings of the public website (saas_portal: website.xml, site_plan.py,
# trial.py, contact.py), by English msgid (see i18n/fill_po.py). The site
# speaks to workshop owners: "vous". Non-breaking spaces before « ; : ! ? % »
# and inside « », as the French typography wants.
import re

FR = {
    'Skip to content':
        'Aller au contenu',
    'Main menu':
        'Menu principal',
    'Menu':
        'Menu',
    'Features':
        'Fonctionnalités',
    'Pricing':
        'Tarifs',
    'Status':
        'État du service',
    'Contact':
        'Contact',
    'Sign in':
        'Se connecter',
    'Language':
        'Langue',
    'Management software for powder-coating workshops':
        'Le logiciel de gestion des ateliers de thermolaquage',
    'Product':
        'Produit',
    'Legal':
        'Informations légales',
    'Publisher':
        'Éditeur',
    '© %(year)s %(company)s. All rights reserved.':
        '© %(year)s %(company)s. Tous droits réservés.',
    'Only strictly necessary cookies: no tracking, no banner.':
        'Uniquement des cookies strictement nécessaires : aucun traçage, aucun bandeau.',
    'Start the 30-day free trial':
        "Démarrer l'essai gratuit de 30 jours",
    'Free trial':
        'Essai gratuit',
    'See the features':
        'Voir les fonctionnalités',
    'See the pricing':
        'Voir les tarifs',
    'Something went wrong':
        'Une erreur est survenue',
    'This form has expired. Reload the page and send it again.':
        'Ce formulaire a expiré. Rechargez la page et envoyez-le de nouveau.',
    'Back to the home page':
        "Retour à l'accueil",
    'Powder-coating workshop software: quotes, shop floor, powder stock':
        'Logiciel pour ateliers de thermolaquage : devis, atelier, stock de poudre',
    'The management software of French powder-coating workshops: quotes in minutes with e-signature, shop-floor tablet, batches by powder, oven loading, powder stock by weighing, dashboards and a client portal.':
        "Le logiciel de gestion des ateliers de thermolaquage : devis en quelques minutes avec signature électronique, tablette d'atelier, séries par poudre, chargement du four, stock de poudre par pesée, tableaux de bord et portail client.",
    'Made for powder-coating workshops':
        'Conçu pour les ateliers de thermolaquage',
    'Run your coating workshop from the quote to the delivery':
        'Pilotez votre atelier de thermolaquage, du devis à la livraison',
    'Quotes priced in minutes and signed online, batches grouped by powder, oven loads planned, powder stock kept right by weighing, a tablet on the shop floor and a portal for your clients.':
        "Des devis chiffrés en quelques minutes et signés en ligne, des séries regroupées par poudre, des fournées planifiées, un stock de poudre juste grâce aux pesées, une tablette à l'atelier et un portail pour vos clients.",
    'No credit card required. Every Pro feature during the trial. No commitment.':
        "Sans carte bancaire. Toutes les fonctions Pro pendant l'essai. Sans engagement.",
    'Today in the workshop':
        "Aujourd'hui à l'atelier",
    'Illustration of the workshop dashboard.':
        "Illustration du tableau de bord de l'atelier.",
    'Quotes to send':
        'Devis à envoyer',
    'Next oven load':
        'Prochaine fournée',
    'Batch RAL 7016 matt':
        'Série RAL 7016 mat',
    'Powders to weigh':
        'Poudres à peser',
    'Ready for pickup':
        'Prêt à enlever',
    'The whole coating trade, in one place':
        'Tout le métier du thermolaquage, au même endroit',
    'From the first phone call to the pickup of the parts, every step is recorded once and found again in a second.':
        "Du premier appel à l'enlèvement des pièces, chaque étape est saisie une fois et retrouvée en une seconde.",
    'Up and running in an afternoon':
        'Opérationnel en un après-midi',
    'Create your workshop':
        'Créez votre atelier',
    'Name, email, SIRET: your workshop is ready as soon as you confirm your email.':
        'Nom, e-mail, SIRET : votre atelier est prêt dès la confirmation de votre e-mail.',
    'Import clients and powders':
        'Importez clients et poudres',
    'Import your clients from a CSV file and pick your powders from the supplier catalogues.':
        'Importez vos clients depuis un fichier CSV et choisissez vos poudres dans les catalogues fournisseurs.',
    'Send your first quote':
        'Envoyez votre premier devis',
    'Surface, powder, coats, curing: the price is computed, the client signs online.':
        'Surface, poudre, couches, cuisson : le prix est calculé, le client signe en ligne.',
    'We used to price jobs on paper and chase signatures by phone. Now the quote leaves before the client has left the counter, and the batches are ready for the oven in the morning.':
        'Avant, on chiffrait sur papier et on relançait les signatures au téléphone. Maintenant, le devis part avant que le client ait quitté le comptoir, et les séries sont prêtes pour le four le matin.',
    'Workshop manager, powder-coating workshop':
        "Responsable d'atelier, atelier de thermolaquage",
    'Illustrative example of use.':
        "Exemple d'usage, à titre illustratif.",
    'Serious about your data':
        'Sérieux avec vos données',
    'GDPR compliant: your data stays yours, exportable at any time.':
        'Conforme au RGPD : vos données restent les vôtres, exportables à tout moment.',
    'Two-factor sign-in for owners, encrypted connections, an audit log of sensitive changes.':
        "Connexion à deux facteurs pour les gérants, connexions chiffrées, journal d'audit des modifications sensibles.",
    'Public status page with the uptime of the last 90 days.':
        "Page d'état publique avec la disponibilité des 90 derniers jours.",
    'Try it on your next batches':
        'Essayez-le sur vos prochaines séries',
    '30 days with every Pro feature, without credit card. Your data is kept if you subscribe.':
        '30 jours avec toutes les fonctions Pro, sans carte bancaire. Vos données sont conservées si vous vous abonnez.',
    'Quotes in minutes':
        'Devis en quelques minutes',
    'Surface, powder, coats, curing and margin: the price is computed and the PDF is ready to send.':
        'Surface, poudre, couches, cuisson et marge : le prix est calculé et le PDF est prêt à envoyer.',
    'Enter the dimensions or the surface, choose the powder and the number of coats, add sandblasting or masking: labour, powder and energy are costed with your hourly rate and margin. Templates for the jobs you price every day.':
        "Saisissez les dimensions ou la surface, choisissez la poudre et le nombre de couches, ajoutez sablage ou masquage : main-d'œuvre, poudre et énergie sont chiffrées avec votre taux horaire et votre marge. Des modèles pour les travaux que vous chiffrez tous les jours.",
    'E-signature':
        'Signature électronique',
    'The client signs the quote on screen; the signed PDF is timestamped and kept with its evidence.':
        "Le client signe le devis à l'écran ; le PDF signé est horodaté et conservé avec ses preuves.",
    "The quote leaves by email with a link; the client signs with a finger or a mouse. The signed PDF carries the signature, the signer, the time, the IP address and the document's fingerprint, and the quote becomes a project.":
        "Le devis part par e-mail avec un lien ; le client signe du doigt ou à la souris. Le PDF signé porte la signature, le signataire, l'heure, l'adresse IP et l'empreinte du document, et le devis devient un projet.",
    'Shop-floor tablet':
        "Tablette d'atelier",
    'Operators scan the label, validate the step and take a photo, even without network.':
        "Les opérateurs scannent l'étiquette, valident l'étape et prennent une photo, même sans réseau.",
    "Today's queue, the QR code of the part's label read by the camera, one tap to validate preparation, coating, curing or inspection, photos attached to the project. It keeps working offline and syncs when the network is back.":
        "La file du jour, le QR code de l'étiquette lu par la caméra, un geste pour valider la préparation, le poudrage, la cuisson ou le contrôle, des photos jointes au projet. Elle fonctionne hors ligne et se synchronise au retour du réseau.",
    'Batches by powder':
        'Séries par poudre',
    'Parts of the same powder are grouped automatically: fewer colour changes, less waste.':
        "Les pièces d'une même poudre sont regroupées automatiquement : moins de changements de teinte, moins de pertes.",
    'A batch only holds parts with the same reference, shade and finish. The software proposes the batches of the day from the projects waiting, and refuses a mixed batch before it reaches the booth.':
        "Une série ne contient que des pièces de même référence, teinte et finition. Le logiciel propose les séries du jour à partir des projets en attente et refuse une série mélangée avant qu'elle n'arrive en cabine.",
    'Oven loading':
        'Chargement du four',
    'Plan each load by curing profile and oven size, and see what is cooking right now.':
        'Planifiez chaque fournée selon le profil de cuisson et la taille du four, et voyez ce qui cuit en ce moment.',
    'Loads respect the curing temperature and time of each powder and the useful size of the oven. The shop floor sees the next loads; the office sees when the parts will be ready.':
        "Les fournées respectent la température et la durée de cuisson de chaque poudre et les dimensions utiles du four. L'atelier voit les prochaines fournées ; le bureau voit quand les pièces seront prêtes.",
    'Powder stock by weighing':
        'Stock de poudre par pesée',
    'A short list of boxes to weigh each day keeps the stock right without a full inventory.':
        'Une courte liste de cartons à peser chaque jour garde le stock juste sans inventaire complet.',
    'The theoretical stock goes down with each batch. Each day, a few boxes to weigh (gross weight minus the box): the real stock is updated, the gap is explained and reordering is suggested before you run out.':
        "Le stock théorique baisse à chaque série. Chaque jour, quelques cartons à peser (poids brut moins le carton) : le stock réel est mis à jour, l'écart est expliqué et le réapprovisionnement proposé avant la rupture.",
    'Dashboards':
        'Tableaux de bord',
    'Revenue, quotes signed, parts finished, powder used and non-conformities, at a glance.':
        "Chiffre d'affaires, devis signés, pièces terminées, poudre consommée et non-conformités, d'un coup d'œil.",
    'See which shades and finishes sell, how much powder each job really used, how long parts wait, and where retouches come from, by week, month or year.':
        "Voyez quelles teintes et finitions se vendent, combien de poudre chaque travail a réellement consommé, combien de temps les pièces attendent et d'où viennent les retouches, par semaine, mois ou année.",
    'Client portal':
        'Portail client',
    'Your clients follow their parts, sign their quotes and download their invoices, in your colours.':
        'Vos clients suivent leurs pièces, signent leurs devis et téléchargent leurs factures, à vos couleurs.',
    'Each client gets a space with your logo and colours: projects with their steps and photos, quotes to sign, invoices and final reports to download. Fewer calls asking whether the parts are ready.':
        "Chaque client dispose d'un espace à votre logo et à vos couleurs : projets avec leurs étapes et photos, devis à signer, factures et rapports finaux à télécharger. Moins d'appels pour savoir si les pièces sont prêtes.",
    'Features for powder-coating workshops':
        'Fonctionnalités pour les ateliers de thermolaquage',
    'Quotes, e-signature, shop-floor tablet, batches by powder, oven loading, powder stock by weighing, dashboards and client portal: every feature of the software.':
        "Devis, signature électronique, tablette d'atelier, séries par poudre, chargement du four, stock de poudre par pesée, tableaux de bord et portail client : toutes les fonctionnalités du logiciel.",
    'Every feature your workshop needs':
        'Toutes les fonctionnalités dont votre atelier a besoin',
    "Designed with the people who quote, coat and deliver every day, for the trade's own words and habits.":
        'Conçu avec ceux qui chiffrent, poudrent et livrent tous les jours, avec les mots et les habitudes du métier.',
    'And also':
        'Et aussi',
    'Client records and history\nInvoices, deposits and payment links\nFrench VAT and accounting exports\nLabels with QR codes\nNon-conformities and retouches\nUnlimited users, roles and two-factor sign-in':
        'Fiches clients et historique\nFactures, acomptes et liens de paiement\nTVA française et exports comptables\nÉtiquettes avec QR code\nNon-conformités et retouches\nUtilisateurs illimités, rôles et connexion à deux facteurs',
    'Pricing: Lite and Pro plans':
        'Tarifs : formules Lite et Pro',
    'Simple monthly prices excluding VAT, unlimited users, and a 30-day free trial of the whole Pro plan without credit card.':
        'Des prix mensuels simples hors taxes, des utilisateurs illimités et un essai gratuit de 30 jours de toute la formule Pro, sans carte bancaire.',
    'Simple prices, unlimited users':
        'Des prix simples, des utilisateurs illimités',
    'One subscription per workshop, billed monthly or yearly. Plans differ by features, never by the number of users.':
        "Un abonnement par atelier, facturé au mois ou à l'année. Les formules se distinguent par les fonctionnalités, jamais par le nombre d'utilisateurs.",
    'excl. VAT / month':
        'HT/mois',
    'or %(price)s excl. VAT / year':
        'ou %(price)s HT/an',
    'Recommended':
        'Recommandé',
    'Try %(plan)s free':
        'Essayer %(plan)s gratuitement',
    'Every plan starts with a 30-day free trial of the whole Pro plan. No credit card is asked.':
        "Chaque formule commence par un essai gratuit de 30 jours de toute la formule Pro. Aucune carte bancaire n'est demandée.",
    'The plans are being updated. Contact us for a quote.':
        'Les formules sont en cours de mise à jour. Contactez-nous pour un devis.',
    'Frequently asked questions':
        'Questions fréquentes',
    'What happens at the end of the trial?':
        "Que se passe-t-il à la fin de l'essai ?",
    'You choose a plan and keep all your data. Without a subscription, the workshop is suspended, then deleted after the notice given in the terms of sale.':
        "Vous choisissez une formule et conservez toutes vos données. Sans abonnement, l'atelier est suspendu, puis supprimé après le préavis prévu par les conditions générales de vente.",
    'Can I change plans?':
        'Puis-je changer de formule ?',
    'Yes, at any time. Moving up takes effect at once, prorated; moving down takes effect at the next renewal.':
        'Oui, à tout moment. Le passage à une formule supérieure prend effet immédiatement, au prorata ; le passage à une formule inférieure prend effet au prochain renouvellement.',
    'Is there a commitment?':
        'Y a-t-il un engagement ?',
    'No. Monthly plans can be cancelled at any time and end with the current month.':
        'Non. Les formules mensuelles se résilient à tout moment et prennent fin avec le mois en cours.',
    'Can I get my data back?':
        'Puis-je récupérer mes données ?',
    'Yes: clients, quotes, invoices and accounting entries can be exported at any time, in open formats.':
        'Oui : clients, devis, factures et écritures comptables sont exportables à tout moment, dans des formats ouverts.',
    'Start your 30-day free trial':
        'Démarrez votre essai gratuit de 30 jours',
    'Create your powder-coating workshop in two minutes: 30 days with every Pro feature, without credit card.':
        'Créez votre atelier de thermolaquage en deux minutes : 30 jours avec toutes les fonctions Pro, sans carte bancaire.',
    'Create your workshop':
        'Créez votre atelier',
    '30 days with every Pro feature, without credit card. We send you a link to confirm your email, then your workshop is ready.':
        '30 jours avec toutes les fonctions Pro, sans carte bancaire. Nous vous envoyons un lien pour confirmer votre e-mail, puis votre atelier est prêt.',
    'Workshop name':
        "Nom de l'atelier",
    'Your first and last name':
        'Vos prénom et nom',
    'Work email':
        'E-mail professionnel',
    'Phone':
        'Téléphone',
    'SIRET':
        'SIRET',
    'The 14 digits on your Kbis extract.':
        'Les 14 chiffres figurant sur votre extrait Kbis.',
    'Your login; the confirmation link is sent to it.':
        'Votre identifiant ; le lien de confirmation y est envoyé.',
    'I accept the terms of use and the terms of sale.':
        "J'accepte les conditions générales d'utilisation et de vente.",
    'Leave this field empty':
        'Laissez ce champ vide',
    'Create my workshop':
        'Créer mon atelier',
    'All fields are required.':
        'Tous les champs sont obligatoires.',
    'Your details are used only to create your workshop and to write to you about it.':
        'Vos coordonnées servent uniquement à créer votre atelier et à vous écrire à son sujet.',
    'What happens next':
        'La suite',
    'You receive an email with a confirmation link, valid 48 hours.':
        'Vous recevez un e-mail avec un lien de confirmation, valable 48 heures.',
    'The link creates your workshop with the French chart of accounts and your owner account.':
        'Le lien crée votre atelier avec le plan comptable français et votre compte de gérant.',
    'A second email lets you choose your password and sign in.':
        'Un second e-mail vous permet de choisir votre mot de passe et de vous connecter.',
    'Check your inbox':
        'Consultez votre boîte de réception',
    'If the details are right, an email with a confirmation link is on its way. Open it within 48 hours to create your workshop.':
        'Si les informations sont correctes, un e-mail avec un lien de confirmation est en route. Ouvrez-le sous 48 heures pour créer votre atelier.',
    'This link cannot be used':
        'Ce lien ne peut pas être utilisé',
    'This confirmation link is not valid. Copy the whole link from the email, or sign up again.':
        "Ce lien de confirmation n'est pas valide. Copiez le lien complet depuis l'e-mail, ou inscrivez-vous de nouveau.",
    'This confirmation link was already used: your workshop exists. Sign in with your email.':
        'Ce lien de confirmation a déjà été utilisé : votre atelier existe. Connectez-vous avec votre e-mail.',
    'This confirmation link has expired (48 hours). Sign up again to receive a new one.':
        'Ce lien de confirmation a expiré (48 heures). Inscrivez-vous de nouveau pour en recevoir un autre.',
    'Sign up again':
        "S'inscrire de nouveau",
    'Your workshop is ready':
        'Votre atelier est prêt',
    'The workshop "%(workshop)s" is created. We have sent to %(email)s an email with your login and the link to choose your password: open it to sign in.':
        "L'atelier « %(workshop)s » est créé. Nous avons envoyé à %(email)s un e-mail avec votre identifiant et le lien pour choisir votre mot de passe : ouvrez-le pour vous connecter.",
    'Go to the sign-in page':
        'Aller à la page de connexion',
    'The field "%(field)s" is required.':
        'Le champ « %(field)s » est obligatoire.',
    '"%(email)s" is not a valid email address.':
        "« %(email)s » n'est pas une adresse e-mail valide.",
    '"%(phone)s" is not a valid phone number: type digits, spaces and an optional leading +.':
        "« %(phone)s » n'est pas un numéro de téléphone valide : saisissez des chiffres, des espaces et éventuellement un + au début.",
    '"%(siret)s" is not a valid SIRET: type the 14 digits of your Kbis extract.':
        "« %(siret)s » n'est pas un SIRET valide : saisissez les 14 chiffres de votre extrait Kbis.",
    'A workshop with the SIRET %(siret)s already exists. Sign in, or contact us.':
        'Un atelier avec le SIRET %(siret)s existe déjà. Connectez-vous, ou contactez-nous.',
    'Too many sign-ups were made from your connection. Try again later or contact us.':
        "Trop d'inscriptions ont été faites depuis votre connexion. Réessayez plus tard ou contactez-nous.",
    'Accept the terms of use and of sale to create your workshop.':
        "Acceptez les conditions générales d'utilisation et de vente pour créer votre atelier.",
    'This email address is already used by an account. Sign in, or use the forgotten password link.':
        'Cette adresse e-mail est déjà utilisée par un compte. Connectez-vous, ou utilisez le lien de mot de passe oublié.',
    'A confirmation email was already sent to this address less than 48 hours ago: open the link it holds.':
        "Un e-mail de confirmation a déjà été envoyé à cette adresse il y a moins de 48 heures : ouvrez le lien qu'il contient.",
    'A workshop named "%(name)s" already exists. Add your city to the name, or contact us.':
        'Un atelier nommé « %(name)s » existe déjà. Ajoutez votre ville au nom, ou contactez-nous.',
    'The website is not configured yet (no publisher company): contact the publisher.':
        "Le site n'est pas encore configuré (aucune société éditrice) : contactez l'éditeur.",
    'Confirm your email to create your %(site)s workshop':
        'Confirmez votre e-mail pour créer votre atelier %(site)s',
    'Hello %(name)s,\n\nYou asked for a free trial of %(site)s for the workshop "%(workshop)s". Open this link within 48 hours to confirm your email and create your workshop:\n\n%(link)s\n\nThe link can be used once. If you did not ask for it, ignore this email: nothing will be created.\n\nThe %(site)s team':
        "Bonjour %(name)s,\n\nVous avez demandé un essai gratuit de %(site)s pour l'atelier « %(workshop)s ». Ouvrez ce lien sous 48 heures pour confirmer votre e-mail et créer votre atelier :\n\n%(link)s\n\nLe lien ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail : rien ne sera créé.\n\nL'équipe %(site)s",
    'Contact us':
        'Nous contacter',
    'A question about the software, the plans or your trial? Write to us.':
        'Une question sur le logiciel, les formules ou votre essai ? Écrivez-nous.',
    'Talk to us':
        'Parlons-en',
    'A question about the software, the plans, a demonstration or your trial: write to us, a person from the team answers on working days.':
        "Une question sur le logiciel, les formules, une démonstration ou votre essai : écrivez-nous, une personne de l'équipe vous répond les jours ouvrés.",
    'Your name':
        'Votre nom',
    'Your email':
        'Votre e-mail',
    'Message':
        'Message',
    'Send the message':
        'Envoyer le message',
    'Thank you, your message was sent. We answer by email on working days.':
        'Merci, votre message a bien été envoyé. Nous répondons par e-mail les jours ouvrés.',
    'Too many messages were sent from your connection. Try again in a few minutes.':
        'Trop de messages ont été envoyés depuis votre connexion. Réessayez dans quelques minutes.',
    'The message is too long: %(limit)s characters at most.':
        'Le message est trop long : %(limit)s caractères au maximum.',
    'Our details':
        'Nos coordonnées',
    'Email':
        'E-mail',
    'Phone':
        'Téléphone',
    'Address':
        'Adresse',
    'Website contact: %(name)s':
        'Contact du site : %(name)s',
    "Message from the website's contact form.\n\nName: %(name)s\nEmail: %(email)s\n\n%(message)s":
        'Message du formulaire de contact du site.\n\nNom : %(name)s\nE-mail : %(email)s\n\n%(message)s',
    'Service status':
        'État du service',
    "The current state of the service and its uptime over the last 90 days, from the application's own health checks.":
        "L'état actuel du service et sa disponibilité sur les 90 derniers jours, d'après les contrôles de santé de l'application.",
    'All systems operational':
        'Tous les systèmes sont opérationnels',
    'Some systems are degraded':
        'Certains systèmes sont dégradés',
    'Current checks':
        'Contrôles actuels',
    'Database':
        'Base de données',
    'Email sending':
        'Envoi des e-mails',
    'Scheduled tasks':
        'Tâches planifiées',
    'File storage':
        'Stockage des fichiers',
    'Operational':
        'Opérationnel',
    'Degraded':
        'Dégradé',
    'Uptime over the last 90 days':
        'Disponibilité sur les 90 derniers jours',
    '%(uptime)s uptime':
        '%(uptime)s de disponibilité',
    '%(date)s: %(uptime)s':
        '%(date)s : %(uptime)s',
    'no data':
        'aucune donnée',
    'Each bar is one day: the share of the checks, made every 5 minutes, that passed. Green: at least 99.9 percent; orange: at least 95 percent; red: below; grey: no data.':
        'Chaque barre est une journée : la part des contrôles, effectués toutes les 5 minutes, qui ont réussi. Vert : au moins 99,9 pour cent ; orange : au moins 95 pour cent ; rouge : en dessous ; gris : aucune donnée.',
    '%(ms)s ms':
        '%(ms)s ms',
    'Terms of use':
        "Conditions générales d'utilisation",
    'Terms of sale':
        'Conditions générales de vente',
    'Privacy policy':
        'Politique de confidentialité',
    'Legal notice':
        'Mentions légales',
    'Cookie policy':
        'Politique de cookies',
    '%(page)s of %(site)s.':
        '%(page)s de %(site)s.',
    'Version of November 2026.':
        'Version de novembre 2026.',
    'Other legal pages':
        'Autres pages légales',
    '1. Purpose':
        '1. Objet',
    'These terms govern the use of %(site)s, a management software for powder-coating workshops provided online by %(company)s (the publisher). Creating an account means accepting them.':
        "Les présentes conditions régissent l'utilisation de %(site)s, logiciel de gestion pour ateliers de thermolaquage fourni en ligne par %(company)s (l'éditeur). La création d'un compte vaut acceptation de ces conditions.",
    '2. Account and access':
        '2. Compte et accès',
    "The workshop's owner creates the account and invites its users. Each user keeps their password secret; owners and administrators sign in with a second factor. The workshop answers for the actions made with its accounts.":
        "Le gérant de l'atelier crée le compte et invite ses utilisateurs. Chaque utilisateur garde son mot de passe secret ; les gérants et administrateurs se connectent avec un second facteur. L'atelier répond des actions effectuées avec ses comptes.",
    '3. Free trial':
        '3. Essai gratuit',
    'Each new workshop gets a free trial of %(trial_days)s days with every feature of the Pro plan, without payment details. At its end, the workshop chooses a plan or its access is suspended.':
        "Chaque nouvel atelier bénéficie d'un essai gratuit de %(trial_days)s jours avec toutes les fonctionnalités de la formule Pro, sans coordonnées de paiement. À son terme, l'atelier choisit une formule ou son accès est suspendu.",
    '4. Acceptable use':
        '4. Utilisation conforme',
    "The service is used for the workshop's professional activity, within the law. It is forbidden to try to reach another workshop's data, to disturb the service or to resell access to it.":
        "Le service est utilisé pour l'activité professionnelle de l'atelier, dans le respect de la loi. Il est interdit de tenter d'accéder aux données d'un autre atelier, de perturber le service ou d'en revendre l'accès.",
    '5. Your data':
        '5. Vos données',
    'The data entered by the workshop belongs to it. The publisher processes it only to provide the service, as a processor within the meaning of the GDPR, and never sells it. The workshop can export it at any time.':
        "Les données saisies par l'atelier lui appartiennent. L'éditeur ne les traite que pour fournir le service, en qualité de sous-traitant au sens du RGPD, et ne les vend jamais. L'atelier peut les exporter à tout moment.",
    '6. Availability':
        '6. Disponibilité',
    'The service is available every day, around the clock, except during maintenance announced in advance on the status page. Its availability is measured by automatic checks every 5 minutes and published on the status page.':
        "Le service est accessible tous les jours, 24 heures sur 24, hors maintenances annoncées à l'avance sur la page d'état. Sa disponibilité est mesurée par des contrôles automatiques toutes les 5 minutes et publiée sur la page d'état.",
    '7. Liability':
        '7. Responsabilité',
    "The publisher provides the service with the care of a professional, under an obligation of means. It is not liable for indirect damage, nor for the prices and documents the workshop sends to its own clients, which remain under the workshop's responsibility.":
        "L'éditeur fournit le service avec le soin d'un professionnel, dans le cadre d'une obligation de moyens. Il ne répond pas des dommages indirects, ni des prix et documents que l'atelier adresse à ses propres clients, qui restent sous la responsabilité de l'atelier.",
    '8. Intellectual property':
        '8. Propriété intellectuelle',
    'The software, its interface and this website belong to %(company)s or its licensors. The subscription grants a right of use for the term of the subscription, not a transfer of rights.':
        "Le logiciel, son interface et ce site appartiennent à %(company)s ou à ses concédants. L'abonnement confère un droit d'usage pour sa durée, et non une cession de droits.",
    '9. Termination':
        '9. Résiliation',
    'The workshop can close its account at any time. The publisher can suspend an account that breaks these terms after a notice left without effect for 15 days, or at once in case of an attack on the service.':
        "L'atelier peut clôturer son compte à tout moment. L'éditeur peut suspendre un compte qui enfreint les présentes conditions après une mise en demeure restée sans effet pendant 15 jours, ou immédiatement en cas d'atteinte au service.",
    '10. Applicable law':
        '10. Droit applicable',
    "These terms are governed by French law. Failing an amicable settlement, any dispute between professionals falls within the courts of the publisher's registered office.":
        "Les présentes conditions sont soumises au droit français. À défaut d'accord amiable, tout litige entre professionnels relève des tribunaux du ressort du siège de l'éditeur.",
    '1. Scope':
        "1. Champ d'application",
    'These terms of sale apply to the subscriptions to %(site)s sold by %(company)s to professionals. They prevail over any other document of the buyer.':
        "Les présentes conditions générales de vente s'appliquent aux abonnements à %(site)s vendus par %(company)s à des professionnels. Elles prévalent sur tout autre document de l'acheteur.",
    '2. Plans and prices':
        '2. Formules et prix',
    'The plans and their prices are those shown on the pricing page on the day of the order, in euros excluding VAT; VAT at the rate in force is added. A change of price is announced by email at least 30 days before it applies.':
        "Les formules et leurs prix sont ceux de la page Tarifs au jour de la commande, en euros hors taxes ; la TVA au taux en vigueur s'y ajoute. Toute modification de prix est annoncée par e-mail au moins 30 jours avant son application.",
    '3. Free trial':
        '3. Essai gratuit',
    "The free trial lasts %(trial_days)s days, once per workshop, with no payment details asked. It does not turn into a paid subscription without the workshop's explicit order.":
        "L'essai gratuit dure %(trial_days)s jours, une seule fois par atelier, sans coordonnées de paiement. Il ne se transforme pas en abonnement payant sans commande expresse de l'atelier.",
    '4. Invoicing and payment':
        '4. Facturation et paiement',
    'The subscription is invoiced in advance, monthly or yearly, and paid by card or SEPA direct debit. Late payment bears penalties at three times the legal interest rate and the fixed recovery fee of 40 euros (article L441-10 of the Commercial Code); after a reminder left unpaid, access may be suspended.':
        "L'abonnement est facturé d'avance, au mois ou à l'année, et payé par carte ou prélèvement SEPA. Tout retard de paiement entraîne des pénalités égales à trois fois le taux d'intérêt légal et l'indemnité forfaitaire pour frais de recouvrement de 40 euros (article L441-10 du Code de commerce) ; après une relance restée impayée, l'accès peut être suspendu.",
    '5. Term and cancellation':
        '5. Durée et résiliation',
    "Subscriptions renew automatically for the same period. They can be cancelled at any time from the workshop's account and end at the end of the period paid. The data remains exportable for 30 days after the end, then is deleted.":
        "Les abonnements se renouvellent automatiquement pour la même période. Ils sont résiliables à tout moment depuis le compte de l'atelier et prennent fin au terme de la période payée. Les données restent exportables 30 jours après la fin, puis sont supprimées.",
    '6. Refunds':
        '6. Remboursement',
    'A period begun is due. A change to a higher plan is prorated; a yearly subscription cancelled early is not refunded, except when the service failed as described below.':
        "Toute période commencée est due. Le passage à une formule supérieure est calculé au prorata ; un abonnement annuel résilié en cours de période n'est pas remboursé, sauf défaillance du service décrite ci-dessous.",
    '7. Service level':
        '7. Niveau de service',
    'When the monthly availability published on the status page falls below the level of the plan, the workshop receives a credit on its next invoice, in proportion to the unavailability.':
        "Lorsque la disponibilité mensuelle publiée sur la page d'état est inférieure au niveau de la formule, l'atelier reçoit un avoir sur sa prochaine facture, proportionnel à l'indisponibilité.",
    '8. Applicable law':
        '8. Droit applicable',
    "These terms are governed by French law. Any dispute between professionals falls within the courts of the publisher's registered office.":
        "Les présentes conditions sont soumises au droit français. Tout litige entre professionnels relève des tribunaux du ressort du siège de l'éditeur.",
    '1. Who is responsible':
        '1. Responsable du traitement',
    "%(company)s, %(address)s, is the controller of the personal data collected on this website and for the management of its customers' accounts. For the data the workshops enter about their own clients, the workshop is the controller and %(company)s its processor.\nContact for personal data: %(email)s.":
        "%(company)s, %(address)s, est responsable du traitement des données personnelles collectées sur ce site et pour la gestion des comptes de ses clients. Pour les données que les ateliers saisissent sur leurs propres clients, l'atelier est responsable du traitement et %(company)s son sous-traitant.\nContact pour les données personnelles : %(email)s.",
    '2. Data collected':
        '2. Données collectées',
    'Sign-up: workshop name, your name, email, phone and SIRET. Contact form: name, email and message. For security: IP address and dates of the requests. No data is collected for advertising.':
        "Inscription : nom de l'atelier, vos nom et prénom, e-mail, téléphone et SIRET. Formulaire de contact : nom, e-mail et message. Pour la sécurité : adresse IP et dates des demandes. Aucune donnée n'est collectée à des fins publicitaires.",
    '3. Purposes and legal bases':
        '3. Finalités et bases légales',
    "Creating and running your workshop's account (contract); answering your messages (legitimate interest); protecting the service against abuse (legitimate interest); keeping invoices (legal obligation).":
        'Créer et faire fonctionner le compte de votre atelier (contrat) ; répondre à vos messages (intérêt légitime) ; protéger le service contre les abus (intérêt légitime) ; conserver les factures (obligation légale).',
    '4. Retention':
        '4. Durée de conservation',
    'Trial requests not confirmed: 30 days. Contact messages: 3 years. Account data: the term of the subscription, then 30 days. Invoices and accounting records: 10 years, as the law requires.':
        "Demandes d'essai non confirmées : 30 jours. Messages de contact : 3 ans. Données du compte : la durée de l'abonnement, puis 30 jours. Factures et pièces comptables : 10 ans, comme l'exige la loi.",
    '5. Recipients':
        '5. Destinataires',
    "Only the publisher's team and its technical processors (hosting, email sending, payment) receive the data, bound by confidentiality. The host is: %(host)s.":
        "Seules l'équipe de l'éditeur et ses sous-traitants techniques (hébergement, envoi des e-mails, paiement) reçoivent les données, tenus à la confidentialité. L'hébergeur est : %(host)s.",
    '6. Transfers outside the EU':
        "6. Transferts hors de l'UE",
    "The data is hosted in the European Union. Should a processor transfer data outside it, the transfer is covered by the European Commission's standard contractual clauses.":
        "Les données sont hébergées dans l'Union européenne. Si un sous-traitant devait transférer des données hors de l'Union, ce transfert serait encadré par les clauses contractuelles types de la Commission européenne.",
    '7. Your rights':
        '7. Vos droits',
    'You have the rights of access, rectification, erasure, restriction, objection and portability of your data, and may give instructions about it after your death. Write to %(email)s; we answer within one month.\nYou may lodge a complaint with the CNIL (www.cnil.fr).':
        "Vous disposez des droits d'accès, de rectification, d'effacement, de limitation, d'opposition et de portabilité de vos données, et pouvez donner des directives sur leur sort après votre décès. Écrivez à %(email)s ; nous répondons sous un mois.\nVous pouvez introduire une réclamation auprès de la CNIL (www.cnil.fr).",
    '8. Security':
        '8. Sécurité',
    'Connections are encrypted, passwords are stored hashed, owners sign in with a second factor, each workshop only sees its own data, and critical changes are recorded in an audit log.':
        "Les connexions sont chiffrées, les mots de passe sont conservés sous forme d'empreinte, les gérants se connectent avec un second facteur, chaque atelier ne voit que ses propres données et les modifications sensibles sont tracées dans un journal d'audit.",
    'Publisher':
        'Éditeur du site',
    '%(company)s, %(legal_form)s\nRegistered office: %(address)s\nSIREN: %(siren)s. SIRET: %(siret)s. %(registry)s\nIntra-community VAT number: %(vat)s\nEmail: %(email)s. Phone: %(phone)s':
        '%(company)s, %(legal_form)s\nSiège social : %(address)s\nSIREN : %(siren)s. SIRET : %(siret)s. %(registry)s\nNuméro de TVA intracommunautaire : %(vat)s\nE-mail : %(email)s. Téléphone : %(phone)s',
    'Director of publication':
        'Directeur de la publication',
    '%(director)s':
        '%(director)s',
    'Host':
        'Hébergeur',
    '%(host)s':
        '%(host)s',
    'Intellectual property':
        'Propriété intellectuelle',
    'The content of this website (texts, images, logos, software) belongs to %(company)s. Any reproduction without permission is forbidden.':
        'Le contenu de ce site (textes, images, logos, logiciel) appartient à %(company)s. Toute reproduction sans autorisation est interdite.',
    'Personal data':
        'Données personnelles',
    'The processing of personal data is described in the privacy policy. Contact: %(email)s.':
        'Le traitement des données personnelles est décrit dans la politique de confidentialité. Contact : %(email)s.',
    'What a cookie is':
        "Qu'est-ce qu'un cookie ?",
    'A cookie is a small file a website stores in your browser to recognise it on the next page.':
        "Un cookie est un petit fichier qu'un site enregistre dans votre navigateur pour le reconnaître à la page suivante.",
    'The cookies we use':
        'Les cookies que nous utilisons',
    'atelier_csrf: protects the forms against requests forged by other sites; kept for the browsing session.\natelier_lang: remembers the language you chose; kept 12 months.\natelier_portal: keeps you signed in to a client portal; deleted when you sign out.':
        "atelier_csrf : protège les formulaires contre les requêtes forgées par d'autres sites ; conservé le temps de la navigation.\natelier_lang : retient la langue choisie ; conservé 12 mois.\natelier_portal : vous garde connecté à un portail client ; supprimé à la déconnexion.",
    'Why there is no cookie banner':
        "Pourquoi il n'y a pas de bandeau cookies",
    'Only strictly necessary cookies are used: no audience measurement, no advertising, no social network. Such cookies need no consent (article 82 of the French Data Protection Act), so no banner asks for it.':
        "Seuls des cookies strictement nécessaires sont utilisés : aucune mesure d'audience, aucune publicité, aucun réseau social. Ces cookies ne nécessitent pas de consentement (article 82 de la loi Informatique et Libertés), c'est pourquoi aucun bandeau ne vous le demande.",
    'Managing cookies':
        'Gérer les cookies',
    "You can delete or block cookies in your browser's settings; the forms and the language choice then no longer work.":
        'Vous pouvez supprimer ou bloquer les cookies dans les réglages de votre navigateur ; les formulaires et le choix de la langue ne fonctionnent alors plus.',
    # Back office
    'Public Website':
        'Site public',
    'Plans':
        'Formules',
    'Trial Requests':
        "Demandes d'essai",
    'Contact Messages':
        'Messages de contact',
    'Website Settings':
        'Réglages du site',
    'Website Plan':
        'Formule du site',
    'Contact Message':
        'Message de contact',
    'Trial Request':
        "Demande d'essai",
    "A plan offered on the public website's pricing page.":
        'Une formule proposée sur la page Tarifs du site public.',
    "The public website's settings.":
        'Les réglages du site public.',
    'A request for a free trial made on the public website.':
        "Une demande d'essai gratuit faite sur le site public.",
    "A message sent from the public website's contact form.":
        'Un message envoyé depuis le formulaire de contact du site public.',
    'Name':
        'Nom',
    'The name of the plan, as on the pricing page (Lite, Pro).':
        'Le nom de la formule, comme sur la page Tarifs (Lite, Pro).',
    'Monthly Price':
        'Prix mensuel',
    'The price per month excluding VAT, in euros.':
        'Le prix par mois hors taxes, en euros.',
    'Yearly Price':
        'Prix annuel',
    'The price per year excluding VAT when paid yearly, in euros; empty when the plan is monthly only.':
        'Le prix par an hors taxes en paiement annuel, en euros ; vide si la formule est uniquement mensuelle.',
    'Highlights':
        'Points forts',
    'What the plan includes, one line per point.':
        'Ce que comprend la formule, une ligne par point.',
    'Recommended Plan':
        'Formule recommandée',
    'Shown as the recommended plan on the pricing page.':
        'Affichée comme formule recommandée sur la page Tarifs.',
    'Site Name':
        'Nom du site',
    'The name of the software as the public website shows it.':
        "Le nom du logiciel tel que le site public l'affiche.",
    'Publisher':
        'Éditeur',
    'The party of the company that runs the service: its name, address, SIREN/SIRET, VAT number, email and phone fill the legal pages. Empty: the company of the first publisher user.':
        'Le tiers de la société qui exploite le service : ses nom, adresse, SIREN/SIRET, numéro de TVA, e-mail et téléphone remplissent les pages légales. Vide : la société du premier utilisateur éditeur.',
    'Director of Publication':
        'Directeur de la publication',
    "The person legally responsible for the website's content.":
        'La personne légalement responsable du contenu du site.',
    'Legal Form':
        'Forme juridique',
    'The legal form and share capital, as on the Kbis extract (e.g. SAS au capital de 10 000 €).':
        "La forme juridique et le capital social, comme sur l'extrait Kbis (par ex. SAS au capital de 10 000 €).",
    'Trade Register':
        'Registre du commerce',
    'The trade register entry (e.g. RCS Paris 123 456 789).':
        "L'immatriculation au registre du commerce (par ex. RCS Paris 123 456 789).",
    'Host':
        'Hébergeur',
    "The hosting provider's name, address and phone, as the legal notice must state them.":
        "Les nom, adresse et téléphone de l'hébergeur, que les mentions légales doivent indiquer.",
    'Trial Days':
        "Jours d'essai",
    'The length of the free trial, in days.':
        "La durée de l'essai gratuit, en jours.",
    'Workshop Name':
        "Nom de l'atelier",
    'The trade name of the workshop, as typed by the requester.':
        "Le nom commercial de l'atelier, tel que saisi par le demandeur.",
    'Owner Name':
        'Nom du gérant',
    'First and last name of the person who asked for the trial.':
        "Prénom et nom de la personne qui a demandé l'essai.",
    'Email':
        'E-mail',
    "The owner's email: the confirmation link was sent to it and it becomes the owner's login.":
        "L'e-mail du gérant : le lien de confirmation y a été envoyé et il devient son identifiant.",
    'Phone':
        'Téléphone',
    'SIRET':
        'SIRET',
    "The SIRET of the workshop's establishment.":
        "Le SIRET de l'établissement de l'atelier.",
    'Language':
        'Langue',
    'The language of the website when the request was made.':
        'La langue du site au moment de la demande.',
    'Token Hash':
        'Empreinte du jeton',
    "The SHA-256 of the confirmation link's token.":
        'Le SHA-256 du jeton du lien de confirmation.',
    'State':
        'État',
    'Requested':
        'Demandée',
    'Confirmed':
        'Confirmée',
    'Created':
        'Créée',
    'Expired':
        'Expirée',
    'Requested: the confirmation email was sent. Confirmed: the link was opened. Created: the workshop exists. Expired: the link was not opened within 48 hours.':
        "Demandée : l'e-mail de confirmation a été envoyé. Confirmée : le lien a été ouvert. Créée : l'atelier existe. Expirée : le lien n'a pas été ouvert sous 48 heures.",
    'IP Address':
        'Adresse IP',
    'The address the request came from.':
        "L'adresse d'où provient la demande.",
    'Requested at':
        'Demandée le',
    'Terms Accepted at':
        'Conditions acceptées le',
    'When the requester ticked the terms of use and of sale.':
        "Quand le demandeur a coché les conditions générales d'utilisation et de vente.",
    'Confirmed at':
        'Confirmée le',
    'Owner':
        'Gérant',
    "The owner's account created for this request; its company is the new workshop.":
        'Le compte du gérant créé pour cette demande ; sa société est le nouvel atelier.',
    'Where to answer.':
        'Où répondre.',
    'Message':
        'Message',
    'The address the message came from.':
        "L'adresse d'où provient le message.",
    'Sent at':
        'Envoyé le',
    }


def _typography(text):
    "Non-breaking spaces before ; : ! ? % and inside « »."
    text = re.sub(r" ([;:!?%»])", "\u00a0\\1", text)
    return re.sub(r"« ", "«\u00a0", text)


FR = {english: _typography(french) for english, french in FR.items()}
