# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The shop floor's documents: part labels (per part, project or batch),
the oven loading plan of batches and the project's final report."""
import html

from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access
from trytond.url import http_host

from . import labels, oven_loading
from .quote_report import HTMLReport, data_uri
from .tools import local_time


def workshop_url(part):
    "What the label's QR code opens: the part in workshop mode."
    database = Transaction().database.name
    return f'{http_host()}/{database}/workshop/#/part/{part.number}'


def parts_of(records):
    "The parts of parts, projects or batches, in label order."
    parts = []
    for record in records:
        if record.__name__ == 'powder_coating.project.part':
            parts.append(record)
        else:
            parts.extend(record.parts)
    seen, result = set(), []
    for part in parts:
        if part.id not in seen:
            seen.add(part.id)
            result.append(part)
    return result


class LabelReport(HTMLReport):
    """Labels that go through the oven with the parts: one per physical
    unit (a part of quantity 4 gets 1/4 … 4/4), at the workshop's size."""
    __name__ = 'powder_coating.label'

    @classmethod
    def render(cls, report, report_context):
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        parts = parts_of(report_context['records'])
        company = parts[0].project.company if parts else None
        settings = Configuration.get(company) if company else None
        items = []
        for part in parts:
            quantity = max(part.quantity or 1, 1)
            for index in range(1, quantity + 1):
                items.append({
                        'number': part.number,
                        'url': workshop_url(part),
                        'unit': (f'{index}/{quantity}' if quantity > 1
                            else None),
                        'client': part.project.party.rec_name,
                        'project': part.project.number or '',
                        'powder': part.powder_label,
                        'promised_date': part.project.promised_date,
                        'batch': part.batch.number if part.batch else None,
                        })
        captions = {
            'project': gettext('powder_coating.msg_label_project'),
            'promised': gettext('powder_coating.msg_label_promised'),
            'batch': gettext('powder_coating.msg_label_batch'),
            }
        lang = pool.get('ir.lang').get()
        return labels.sheet_html(items,
            getattr(settings, 'label_width', None) or 70,
            getattr(settings, 'label_height', None) or 50,
            lang=lang.code or 'fr', captions=captions,
            date_format=lang.date)


class ProjectLabelReport(LabelReport):
    "The labels of every part of projects."
    __name__ = 'powder_coating.project.label'


class BatchLabelReport(LabelReport):
    "The labels of every part of batches."
    __name__ = 'powder_coating.batch.label'


def oven_of(settings):
    "The workshop's oven, or None when its dimensions are not entered."
    if not (settings and settings.oven_length and settings.oven_width
            and settings.oven_height):
        return None
    return oven_loading.Oven(
        length=settings.oven_length, width=settings.oven_width,
        height=settings.oven_height,
        hook_height=settings.hook_height or 0,
        margin=settings.oven_margin or 0)


def oven_items(parts):
    """A unit per physical part with its footprint; parts without
    dimensions are returned apart (they cannot be placed)."""
    items, unknown = [], []
    for part in parts:
        if not (part.length and part.width):
            unknown.append(part)
            continue
        for index in range(max(part.quantity or 1, 1)):
            items.append(oven_loading.Item(
                    key=(part.id, index),
                    length=float(part.length), width=float(part.width),
                    height=float(part.height or 0),
                    due=part.project.promised_date))
    return items, unknown


class OvenPlanReport(HTMLReport):
    """The oven loads proposed for batches: which units go in which load
    and where, drawn to scale, in curing order (most urgent first)."""
    __name__ = 'powder_coating.oven_plan'

    @classmethod
    def render(cls, report, report_context):
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        Lang = pool.get('ir.lang')
        lang = Lang.get()
        batches = report_context['records']
        parts = parts_of(batches)
        company = batches[0].company if batches else None
        oven = oven_of(Configuration.get(company)) if company else None
        esc = html.escape
        title = gettext('powder_coating.msg_oven_plan_title')
        body = [f'<h1>{esc(title)}</h1>',
            '<p class="sub">%s</p>' % esc(', '.join(
                    b.rec_name for b in batches))]
        if oven is None:
            body.append('<p class="warn">%s</p>' % esc(gettext(
                        'powder_coating.msg_oven_missing')))
        else:
            by_id = {p.id: p for p in parts}
            # A load holds one batch: one powder, one cure.
            loads, placed, missing = [], 0, []
            for batch in batches:
                items, unknown = oven_items(batch.parts)
                plan = oven_loading.plan_loads(oven, items)
                loads.extend((batch, load, plan) for load in plan.loads)
                placed += len(items) - len(plan.unplaceable)
                missing += [p.number for p in unknown] + [
                    by_id[item.key[0]].number
                    for item, _ in plan.unplaceable]
            loads.sort(key=lambda l: oven_loading.curing_key(l[1]))
            body.append('<p class="sub">%s</p>' % esc(gettext(
                        'powder_coating.msg_oven_plan_summary',
                        length=oven.length, width=oven.width,
                        height=oven.height, margin=oven.margin,
                        units=placed, loads=len(loads),
                        bound=sum(p.lower_bound for p in
                            {id(l[2]): l[2] for l in loads}.values()))))
            for number, (batch, load, _) in enumerate(loads, 1):
                names = {p.key: by_id[p.key[0]].number
                    for p in load.placements}
                dues = [by_id[p.key[0]].project.promised_date
                    for p in load.placements]
                dues = [d for d in dues if d]
                heading = gettext('powder_coating.msg_oven_load',
                    number=number, units=len(load.placements),
                    fill=lang.format('%.0f', load.fill_rate * 100))
                heading += ' · ' + batch.rec_name
                if dues:
                    heading += ' · ' + gettext(
                        'powder_coating.msg_oven_load_due',
                        date=lang.strftime(min(dues)))
                body.append('<section><h2>%s</h2>%s<p class="parts">%s</p>'
                    '</section>' % (esc(heading),
                        oven_loading.svg_plan(oven, load, labels=names),
                        esc(', '.join(sorted(set(names.values()))))))
            if missing:
                body.append('<p class="warn">%s</p>' % esc(gettext(
                            'powder_coating.msg_oven_not_placed',
                            parts=', '.join(sorted(set(missing))))))
        return ('<!DOCTYPE html><html><head><meta charset="utf-8"/>'
            '<style>@page { size: A4 landscape; margin: 12mm; }'
            'body { font-family: "DejaVu Sans", sans-serif; color: #000;'
            ' font-size: 10pt; } h1 { font-size: 18pt; margin: 0 0 4px; }'
            'h2 { font-size: 13pt; margin: 10px 0 4px; }'
            '.sub { color: #333; margin: 2px 0; }'
            '.warn { font-weight: bold; border: 2px solid #000;'
            ' padding: 6px; }'
            'section { page-break-inside: avoid; }'
            'section svg { width: 100%; height: auto; max-height: 118mm; }'
            '.parts { font-size: 9pt; }</style></head><body>'
            + ''.join(body) + '</body></html>')


class FinalReport(HTMLReport):
    """The project's final report: the full traceability of the work
    (steps with dates and people, powder, coats, cure, quality control,
    non-conformities, photos)."""
    __name__ = 'powder_coating.project.final'

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Lang = pool.get('ir.lang')
        context = super().get_context(records, header, data)
        lang = Lang.get()
        company = records[0].company if records else None
        with without_check_access():
            logo = company.portal_logo if company else None

        def photos(project):
            "Photos kept (not purged), medium size, embedded."
            return [{
                    'uri': data_uri(p.medium),
                    'caption': ' · '.join(x for x in [
                            p.rec_name, p.annotation or '',
                            lang.strftime(local_time(p.date, company),
                                '%d/%m/%Y %H:%M')] if x),
                    } for p in reversed(project.photos)
                if not p.purged and p.medium]

        def selection(record, name):
            return dict(record.fields_get([name])[name]['selection']).get(
                getattr(record, name), '')

        context.update({
                'company': company,
                'logo_uri': data_uri(logo) if logo else None,
                'photos': photos,
                'selection': selection,
                'format_date': lambda d: lang.strftime(d) if d else '',
                'format_datetime': lambda d: lang.strftime(
                    local_time(d, company), '%d/%m/%Y %H:%M') if d else '',
                'number': lambda v, digits=0: lang.format(
                    '%.*f', (digits, v), grouping=True)
                if v is not None else '',
                })
        return context
