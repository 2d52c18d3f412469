#!/usr/bin/env python3
# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Quote benchmarks of the powder_coating addon.

One subcommand per part of a quote's life, each printing a markdown table:

- ``pricing``: throughput of the pure pricing functions
  (``trytond.modules.powder_coating.pricing``), in lines priced per second,
  for quotes of 1, 20 and 200 lines, median of ``--runs`` runs timed with
  ``time.perf_counter``. Two measures per size: ``price_quote`` alone on
  inputs built beforehand, and building the inputs from the str values a
  form or the database gives (``LineInput``, ``Settings``: conversion to
  Decimal and validation) then ``price_quote``, which is what the quote
  model does on each change.

Run it from the repository root with the project's virtual environment:

    .venv/bin/python bench/quote.py pricing
    .venv/bin/python bench/quote.py pricing --runs 9 --lines-per-run 50000

- ``pdf``: time to print a quote of 20 lines (``--lines``) as a PDF
  through Tryton's report engine (Genshi HTML then weasyprint), per
  template style, median of ``--runs`` renders after one warm-up. The
  database is built like the tests build it: the module activated on an
  in-memory SQLite, cached in ``DB_CACHE`` (``/tmp/bench-quote-pdf`` by
  default) so a second run starts in seconds. ``--save DIR`` keeps one PDF
  per style (to look at them with ``pdftoppm -png``).

    .venv/bin/python bench/quote.py pdf
    .venv/bin/python bench/quote.py pdf --runs 5 --styles modern premium

Another part is a function ``bench_<name>(args)`` returning a report, plus
its subparser in ``main()``.
"""
import argparse
import datetime as dt
import decimal
import os
import platform
import statistics
import sys
import time
from decimal import Decimal

SIZES = (1, 20, 200)
RUNS = 7
LINES_PER_RUN = 20000   # lines priced per run, whatever the quote size

# Raw values of a line as a form sends them: (quantity, surface m²/part,
# coats, powder €/kg, coverage m²/kg, minutes/part, primer, varnish,
# sandblasting, masking); the quotes cycle through them.
RAW_LINES = [
    ('3', '4.0000', '2', '14.50', '8.50', '20', None, None, False, False),
    ('10', '0.3500', '1', '18.90', '9.20', '6', ('22.00', '7.50'),
        ('25.40', '10.00'), True, True),
    ('1', '12.7500', '1', '11.20', '7.22', '45', None, None, True, False),
    ('48', '0.0121', '2', '16.80', '8.10', '0.5', ('22.00', '7.50'), None,
        False, True),
    ('6', '1.8240', '3', '21.30', '9.85', '12', None, ('25.40', '10.00'),
        False, False),
    ]
RAW_SETTINGS = {
    'hourly_rate': '45.00',
    'powder_margin': '0.30',
    'labour_margin': '0.20',
    'fixed_fee': '35.00',
    'consumables_rate': '0.80',
    'sandblasting_rate': '12.00',
    'masking_rate': '1.50',
    'vat_rate': '0.20',
    }


# --- pricing ------------------------------------------------------------------

def build_quote(raw_lines, pricing):
    "LineInput and Settings from the raw values, as the quote model does."
    lines = []
    for (quantity, surface, coats, price, coverage, minutes, primer,
            varnish, sandblasting, masking) in raw_lines:
        lines.append(pricing.LineInput(
                quantity=quantity, surface=surface, coats=coats,
                powder_price=price, coverage=coverage,
                labour_minutes=minutes,
                primer=pricing.Coat(*primer) if primer else None,
                varnish=pricing.Coat(*varnish) if varnish else None,
                sandblasting=sandblasting, masking=masking))
    return lines, pricing.Settings(**RAW_SETTINGS)


def throughput(func, lines, repeat, runs):
    "Median over `runs` of lines priced per second, calling func `repeat`×."
    func()  # warm-up
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(repeat):
            func()
        rates.append(lines * repeat / (time.perf_counter() - start))
    return statistics.median(rates), min(rates), max(rates)


def bench_pricing(args):
    from trytond.modules.powder_coating import pricing

    rows = []
    for size in args.sizes:
        raw = [RAW_LINES[i % len(RAW_LINES)] for i in range(size)]
        lines, settings = build_quote(raw, pricing)
        total = pricing.price_quote(lines, settings).total   # sanity
        repeat = max(1, args.lines_per_run // size)

        def price(lines=lines, settings=settings):
            pricing.price_quote(lines, settings)

        def build_and_price(raw=raw):
            pricing.price_quote(*build_quote(raw, pricing))

        for name, func in (('price_quote', price),
                ('build inputs + price_quote', build_and_price)):
            median, low, high = throughput(func, size, repeat, args.runs)
            rows.append((size, name, repeat, median, low, high,
                    1e6 / median, 1e6 * size / median, total))
        print('  %d line(s) done' % size, file=sys.stderr, flush=True)

    lines = [
        machine_line(),
        '',
        '| lines/quote | measure | quotes/run | lines/s (median) '
        '| min | max | µs/line | µs/quote | quote total (€) |',
        '|--:|---|--:|--:|--:|--:|--:|--:|--:|',
        ]
    for size, name, repeat, median, low, high, per_line, per_quote, total \
            in rows:
        lines.append(
            '| %d | %s | %d | %s | %s | %s | %.1f | %.1f | %s |'
            % (size, name, repeat, group(median), group(low), group(high),
                per_line, per_quote, total))
    lines.append('')
    lines.append('%d runs per measure after one warm-up call; each run '
        'prices about %d lines.' % (args.runs, args.lines_per_run))
    return '\n'.join(lines)


# --- pdf ----------------------------------------------------------------------

PDF_RUNS = 5
PDF_LINES = 20
STYLES = ('modern', 'classic', 'minimal', 'premium', 'compact')
# (description, quantity, length mm, width mm, faces, coats, sandblasting,
# masking); the quote cycles through them.
PDF_LINES_DATA = [
    ("Portail battant 2 vantaux", 1, 3000, 1600, 2, 2, True, False),
    ("Garde-corps droit", 4, 1200, 1000, 2, 1, False, False),
    ("Jante alliage 17 pouces", 4, 430, 430, 2, 2, True, True),
    ("Châssis de fenêtre acier", 6, 1400, 1100, 2, 1, False, True),
    ("Tôle perforée 2 mm", 12, 1000, 500, 2, 1, False, False),
    ("Escalier hélicoïdal (limon)", 1, 5200, 400, 4, 2, True, False),
    ("Support moteur", 20, 180, 120, 4, 1, False, True),
    ]
PDF_CONDITIONS = (
    "<h4>Conditions générales</h4><p>Devis établi pour {client_name} le "
    "{date}, valable jusqu'au {validity_date}. <strong>Acompte de 30 %"
    "</strong> à la commande.</p><ul><li>Pièces livrées propres et sèches"
    "</li><li>Délai : 10 jours ouvrés</li></ul>")


def bench_pdf(args):
    os.environ.setdefault('TRYTOND_DATABASE__URI', 'sqlite://')
    os.environ.setdefault('DB_NAME', ':memory:')
    os.environ.setdefault('DB_CACHE', '/tmp/bench-quote-pdf')
    os.makedirs(os.environ['DB_CACHE'], exist_ok=True)
    from trytond.tests.test_tryton import DB_NAME, activate_module
    from trytond.transaction import Transaction

    start = time.perf_counter()
    activate_module(['powder_coating'])
    setup = time.perf_counter() - start
    print('  database ready in %.1f s' % setup, file=sys.stderr, flush=True)

    rows = []
    with Transaction().start(DB_NAME, 0, context={}) as transaction:
        from trytond.modules.company.tests import (
            create_company, set_company)
        from trytond.modules.powder_coating.tests.test_module import (
            create_powder)
        from trytond.pool import Pool
        pool = Pool()
        Party = pool.get('party.party')
        Quote = pool.get('powder_coating.quote')
        Template = pool.get('powder_coating.quote.template')
        Report = pool.get('powder_coating.quote', type='report')
        company = create_company()
        with set_company(company):
            powders = [create_powder(reference='TP-%d' % i,
                    coverage_override=Decimal('8.50') + i)
                for i in range(3)]
            party, = Party.create([{'name': "Métallerie Durand"}])
            lines = []
            for i in range(args.lines):
                (description, quantity, length, width, faces, coats,
                    sandblasting, masking) = PDF_LINES_DATA[
                        i % len(PDF_LINES_DATA)]
                lines.append({
                        'description': '%s n° %d' % (description, i + 1),
                        'quantity': quantity,
                        'surface_mode': 'dimensions',
                        'length': Decimal(length),
                        'width': Decimal(width),
                        'faces': faces,
                        'powder': powders[i % len(powders)].id,
                        'coats': coats,
                        'sandblasting': sandblasting,
                        'masking': masking,
                        'labour_minutes': Decimal(5 + 3 * (i % 5)),
                        })
            quote, = Quote.create([{
                        'party': party.id,
                        'lines': [('create', lines)],
                        'notes': "Enlèvement des pièces à l'atelier.",
                        }])
            Quote.send([quote])
            for style in args.styles:
                template, = Template.create([{
                            'name': style.title(),
                            'style': style,
                            'header_text': "Qualicoat · Qualimarine",
                            'footer_text': "IBAN FR76 3000 4000 0500 0012 "
                            "3456 789 · BIC BNPAFRPP",
                            'conditions': PDF_CONDITIONS,
                            'legal_notices': "SARL au capital de 10 000 € "
                            "· Pénalités de retard : 3 fois le taux "
                            "d'intérêt légal · Indemnité forfaitaire de "
                            "recouvrement : 40 €",
                            }])
                quote.template = template
                quote.save()

                def render():
                    return Report.execute([quote.id], {})

                _, pdf, _, _ = render()   # warm-up (template cache)
                assert bytes(pdf).startswith(b'%PDF')
                if args.save:
                    os.makedirs(args.save, exist_ok=True)
                    with open(os.path.join(args.save, style + '.pdf'),
                            'wb') as fd:
                        fd.write(bytes(pdf))
                times = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    render()
                    times.append(time.perf_counter() - start)
                rows.append((style, len(pdf), statistics.median(times),
                        min(times), max(times)))
                print('  %s done' % style, file=sys.stderr, flush=True)
        transaction.rollback()

    out = [
        machine_line(),
        '',
        '| style | lines | PDF size (kB) | ms/render (median) | min | max |',
        '|---|--:|--:|--:|--:|--:|',
        ]
    for style, size, median, low, high in rows:
        out.append('| %s | %d | %.0f | %.0f | %.0f | %.0f |' % (
                style, args.lines, size / 1024, median * 1000, low * 1000,
                high * 1000))
    out.append('')
    out.append('%d renders per style after one warm-up; database set up in '
        '%.1f s.' % (args.runs, setup))
    return '\n'.join(out)


# --- common -------------------------------------------------------------------

def group(value):
    "12345.6 → '12 346', as in bench/RESULTS.md."
    return '{:,.0f}'.format(value).replace(',', '\u202f')


def machine_line():
    cpu = ''
    try:
        with open('/proc/cpuinfo') as fd:
            for line in fd:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    c_decimal = decimal.__name__ == 'decimal' and hasattr(
        decimal, '__libmpdec_version__')
    return ('%s, nproc %s, %s, Python %s (%s), decimal: %s; '
        'load average %.2f'
        % (dt.date.today().isoformat(), os.cpu_count(),
            cpu or platform.machine(), platform.python_version(),
            platform.python_implementation(),
            'C libmpdec %s' % decimal.__libmpdec_version__ if c_decimal
            else 'pure Python', os.getloadavg()[0]))


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog='\n'.join(__doc__.splitlines()[2:]))
    commands = parser.add_subparsers(dest='command', required=True)

    pricing = commands.add_parser('pricing',
        help='lines priced per second by the pure pricing functions')
    pricing.add_argument('--runs', type=int, default=RUNS,
        help='runs per measure, the median is reported (default: '
        '%(default)s)')
    pricing.add_argument('--lines-per-run', type=int, default=LINES_PER_RUN,
        help='lines priced in one run (default: %(default)s)')
    pricing.add_argument('--sizes', type=int, nargs='+', default=SIZES,
        help='lines per quote (default: %(default)s)')
    pricing.set_defaults(func=bench_pricing)

    pdf = commands.add_parser('pdf',
        help='time to print a quote as a PDF, per template style')
    pdf.add_argument('--runs', type=int, default=PDF_RUNS,
        help='renders per style, the median is reported (default: '
        '%(default)s)')
    pdf.add_argument('--lines', type=int, default=PDF_LINES,
        help='parts on the quote (default: %(default)s)')
    pdf.add_argument('--styles', nargs='+', default=STYLES, choices=STYLES,
        help='template styles (default: all five)')
    pdf.add_argument('--save', metavar='DIR',
        help='write one PDF per style in DIR')
    pdf.set_defaults(func=bench_pdf)

    args = parser.parse_args(argv)
    if args.command == 'pricing' and (args.runs < 1
            or args.lines_per_run < 1 or min(args.sizes) < 1):
        parser.error('--runs, --lines-per-run and --sizes must be positive')
    if args.command == 'pdf' and (args.runs < 1 or args.lines < 1):
        parser.error('--runs and --lines must be positive')
    print(args.func(args))
    return 0


if __name__ == '__main__':
    sys.exit(main())
