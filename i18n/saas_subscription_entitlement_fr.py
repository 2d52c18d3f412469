# French strings of saas_subscription's entitlement (what a workshop's plan
# and subscription state let it do), by English msgid (see i18n/fill_po.py).
# Non-breaking spaces (\u00a0) before « : » and inside « ».
FR = {
    'Your plan does not include "%(feature)s": switch to a plan that '
    'includes it in Atelier ▸ My Subscription.':
        "Votre formule ne comprend pas «\u00a0%(feature)s\u00a0»\u00a0: "
        "passez à une formule qui l'inclut dans Atelier ▸ Mon abonnement.",
    "The workshop's subscription is suspended: you can read and export "
    "your data, not create any. Pay the outstanding invoice in Atelier ▸ "
    "My Subscription.":
        "L'abonnement de l'atelier est suspendu\u00a0: vous pouvez "
        "consulter et exporter vos données, pas en créer. Réglez la facture "
        "en attente dans Atelier ▸ Mon abonnement.",
    "The workshop's free trial has ended: you can read and export your "
    "data, not create any. Choose a plan in Atelier ▸ My Subscription.":
        "L'essai gratuit de l'atelier est terminé\u00a0: vous pouvez "
        "consulter et exporter vos données, pas en créer. Choisissez une "
        "formule dans Atelier ▸ Mon abonnement.",
    "The workshop's subscription is cancelled: you can read and export "
    "your data, not create any. Choose a plan in Atelier ▸ My Subscription "
    "to start again.":
        "L'abonnement de l'atelier est résilié\u00a0: vous pouvez "
        "consulter et exporter vos données, pas en créer. Choisissez une "
        "formule dans Atelier ▸ Mon abonnement pour reprendre.",
    }
