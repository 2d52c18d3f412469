# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Demo of the shop floor: a configured oven, projects at every step (one
late, one with a non-conformity sent to touch-up, one ready, one
collected), batches drafted and launched, and photos."""
import datetime as dt
import io
from decimal import Decimal

from trytond.pool import Pool
from trytond.transaction import Transaction

# (client, parts as in demo.QUOTES, where the project is, days to the
# promised date, priority)
PROJECTS = {
    "Thermolaquage Durand": [
        ("Ferronnerie Lumière", [
                ("Grille de défense", 2, 1200, 800, 2, 'RAL 9005', 1, 15,
                    True),
                ], 'Sablage', 6, 'normal'),
        ("Mme Claire Martin", [
                ("Chaises de jardin", 4, 800, 450, 2, 'RAL 6005', 2, 15,
                    True),
                ], 'Poudrage', 3, 'high'),
        ("Garage des Brotteaux", [
                ("Portillon", 1, 1000, 1000, 2, 'RAL 7016', 2, 30, True),
                ("Boîte aux lettres", 1, 400, 300, 4, 'RAL 7016', 2, 10,
                    False),
                ], 'Poudrage', -2, 'urgent'),
        ("Ferronnerie Lumière", [
                ("Rampe d'escalier", 2, 3000, 200, 2, 'RAL 9005', 1, 20,
                    True),
                ], 'Cuisson', 4, 'normal'),
        ("Mme Claire Martin", [
                ("Table de jardin", 1, 1400, 800, 2, 'RAL 6005', 2, 30,
                    True),
                ], 'Contrôle qualité', 2, 'normal'),
        ("Garage des Brotteaux", [
                ("Jantes 17 pouces", 4, 430, 430, 2, 'RAL 9006', 2, 20,
                    True),
                ], 'Retouche', 1, 'high'),
        ("Ferronnerie Lumière", [
                ("Balconnet", 3, 1000, 300, 2, 'RAL 9005', 1, 15, True),
                ], 'Prêt', 0, 'normal'),
        ("Garage des Brotteaux", [
                ("Pare-chocs tubulaire", 1, 1600, 200, 4, 'RAL 7016', 2,
                    25, True),
                ], 'collected', -10, 'normal'),
        ],
    "Époxy Services Martin": [
        ("Cycles Chartrons", [
                ("Cadres de vélo", 3, 1100, 120, 4, 'RAL 3000', 2, 20,
                    True),
                ], 'Poudrage', 5, 'normal'),
        ("M. Julien Petit", [
                ("Radiateur fonte", 1, 900, 600, 2, 'RAL 9010', 2, 40,
                    True),
                ], 'Contrôle qualité', 1, 'high'),
        ],
    }
OVENS = {
    "Thermolaquage Durand": (4000, 2000, 2200, 150, 80),
    "Époxy Services Martin": (6500, 1800, 2000, 120, 60),
    }
HEIGHTS = {"Jantes 17 pouces": 250, "Chaises de jardin": 850,
    "Table de jardin": 750, "Boîte aux lettres": 250}


def part_photo(hex_colour, coated, seed):
    """A stand-in photo: a part on a rack, raw steel before, in its shade
    after (JPEG, as a tablet sends it)."""
    from PIL import Image, ImageDraw, ImageFilter
    image = Image.new('RGB', (1200, 900), (214, 211, 205))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 60, 1200, 90], fill=(90, 90, 90))
    for x in (300, 900):
        draw.line([x, 90, x, 200], fill=(60, 60, 60), width=6)
    colour = (tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        if coated else (140, 138, 134))
    offset = (seed * 37) % 80
    draw.rounded_rectangle([200 + offset, 200, 1000 - offset, 780],
        radius=18, fill=colour, outline=(40, 40, 40), width=4)
    for y in range(260, 760, 70):
        draw.line([240 + offset, y, 960 - offset, y],
            fill=tuple(max(c - 25, 0) for c in colour), width=10)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    output = io.BytesIO()
    image.save(output, 'JPEG', quality=88)
    return output.getvalue()


def advance(parts, target, steps, operator):
    """Validate the parts' steps until they reach `target` (a step name),
    as the workshop's operator; quality control passes."""
    pool = Pool()
    Part = pool.get('powder_coating.project.part')
    Question = pool.get('powder_coating.qc.question')
    for _ in range(len(steps)):
        parts = Part.browse(parts)
        if all(p.step is None or p.step.name == target for p in parts):
            return
        with Transaction().set_user(operator):
            for part in parts:
                if part.step is None or part.step.name == target:
                    continue
                if part.step.kind == 'qc':
                    answers = {q.id: (True, (q.minimum + q.maximum) / 2
                            if q.kind == 'measure' else None)
                        for q in Question.search([
                                ('company', '=', part.project.company.id)])}
                    Part.record_qc(part, answers)
                else:
                    Part.validate_steps([part], part.step)


def shop_floor(company, powders, by_ral):
    "The workshop's oven, projects, batches and photos."
    from .demo import make_quote, signature_image
    pool = Pool()
    Configuration = pool.get('powder_coating.configuration')
    Party = pool.get('party.party')
    Quote = pool.get('powder_coating.quote')
    Signature = pool.get('powder_coating.quote.signature')
    Project = pool.get('powder_coating.project')
    Part = pool.get('powder_coating.project.part')
    Step = pool.get('powder_coating.step')
    Batch = pool.get('powder_coating.batch')
    Photo = pool.get('powder_coating.photo')
    NonConformity = pool.get('powder_coating.non_conformity')
    Defect = pool.get('powder_coating.defect_type')
    User = pool.get('res.user')
    Date = pool.get('ir.date')
    name = company.party.name
    if name not in PROJECTS:
        return
    settings = Configuration.get(company, create=True)
    (settings.oven_length, settings.oven_width, settings.oven_height,
        settings.hook_height, settings.oven_margin) = OVENS[name]
    settings.save()
    operator, = User.search([
            ('login', 'like', 'operator.%'),
            ('company', '=', company.id)], limit=1)
    steps = Step.workflow(company)
    today = Date.today()
    for index, (client, parts, target, days, priority) in enumerate(
            PROJECTS[name]):
        party, = Party.search([
                ('company', '=', company.id), ('name', '=', client)])
        quote = make_quote(company, party, parts, by_ral, powders[0])
        Quote.send([quote])
        Signature.sign(quote, party.name, signature_image(), 'back_office',
            ip_address='127.0.0.1')
        project = quote.project
        project.promised_date = today + dt.timedelta(days=days)
        project.drop_off_date = today - dt.timedelta(days=5)
        project.priority = priority
        project.save()
        for part in project.parts:
            part.height = Decimal(HEIGHTS.get(part.description, 60))
        Part.save(project.parts)
        shade = project.parts[0].powder.ral
        hex_colour = shade.hex if shade and shade.hex else '#64748b'
        if target != 'Réception':
            with Transaction().set_user(operator.id):
                Photo.add(project, project.parts[0], 'before',
                    part_photo(hex_colour, False, index),
                    annotation="Pièce à la réception")
        final = target == 'collected'
        # "Prêt" validated: the parts wait at delivery, the project is ready.
        goal = 'Livré' if target in {'Prêt', 'collected'} else target
        if goal in {'Cuisson', 'Contrôle qualité', 'Retouche', 'Prêt',
                'Livré'}:
            advance([p.id for p in project.parts], 'Poudrage', steps,
                operator.id)
            with Transaction().set_user(operator.id):
                batch, = Batch.create([{
                            'company': company.id,
                            'powder': project.parts[0].powder.id,
                            'coats': project.parts[0].coats,
                            'cure_temperature':
                            project.parts[0].cure_temperature,
                            'cure_minutes': project.parts[0].cure_minutes,
                            'parts': [('add', [p.id for p in project.parts])],
                            }])
                Batch.launch([batch])
                if goal != 'Cuisson':
                    Batch.close([batch])
        if goal == 'Livré':
            with Transaction().set_user(operator.id):
                Photo.add(project, Part(project.parts[0].id), 'after',
                    part_photo(hex_colour, True, index),
                    annotation="Teinte et brillance conformes")
        target_step = 'Contrôle qualité' if goal == 'Retouche' else goal
        advance([p.id for p in project.parts], target_step, steps,
            operator.id)
        if goal == 'Retouche':
            part = Part(project.parts[0].id)
            defect = Defect.search([
                    ('company', '=', company.id),
                    ('name', '=', "Dégazage (piqûres)")], limit=1)
            touch_up = Step.by_kind(company, 'touch_up')
            with Transaction().set_user(operator.id):
                photo = Photo.add(project, part, 'defect',
                    part_photo(hex_colour, True, index + 7),
                    annotation="Piqûres sur la face avant")
                NonConformity.declare(part, part.step,
                    defect_type=defect[0] if defect else None,
                    comment="Piqûres de dégazage sur deux jantes.",
                    corrective_action="Ponçage, dégazage au four puis "
                    "nouvelle couche.", return_step=touch_up, photo=photo)
        if final:
            Project.collect([Project(project.id)])
    # A drafted batch waits for the parts at the coating step.
    recommendations = Batch.recommendations(company)
    if recommendations:
        Batch.create_from_recommendations(company, recommendations[:1])
