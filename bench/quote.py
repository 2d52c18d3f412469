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

Another part (the PDF rendering of a quote, say) is a function
``bench_<name>(args)`` returning a report, plus its subparser in
``main()``.
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

    args = parser.parse_args(argv)
    if args.command == 'pricing' and (args.runs < 1
            or args.lines_per_run < 1 or min(args.sizes) < 1):
        parser.error('--runs, --lines-per-run and --sizes must be positive')
    print(args.func(args))
    return 0


if __name__ == '__main__':
    sys.exit(main())
