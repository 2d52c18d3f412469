#!/usr/bin/env python3
# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Server-side rendering time of the client portal's pages on a demo
database (the goal: under 100 ms a page).

Each page is asked N times through Tryton's WSGI application with
werkzeug's test client (no network, no browser), signed in as the demo
client of each workshop (core_addons/saas_portal/demo.py PORTALS), after 3
warm-up requests; prints the median and the maximum per page in
milliseconds as a markdown table. Read only: the pages are GETs.

    .venv/bin/python bench/portal.py -c config/trytond.conf -d demo
    .venv/bin/python bench/portal.py -c /tmp/atelier-test-*/trytond.conf --n 50

The database must hold the demo (`make demo`, or `python -m tests.server`).
"""
import argparse
import os
import re
import statistics
import sys
import time

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
LINK = {
    'project': re.compile(r'/portal/[^/]+/projects/(\d+)"'),
    'sign': re.compile(r'/portal/[^/]+/quotes/(\d+)/sign"'),
    }


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-c', '--config', default='config/trytond.conf')
    parser.add_argument('-d', '--database', default='demo')
    parser.add_argument('--n', type=int, default=30,
        help="requests per page (default 30)")
    return parser.parse_args()


def main():
    args = parse()
    os.environ['TRYTOND_CONFIG'] = os.path.abspath(args.config)
    from trytond.config import config
    config.update_etc(os.path.abspath(args.config))
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    from trytond.wsgi import app
    from werkzeug.test import Client
    from werkzeug.wrappers import Response

    Pool.start()
    pool = Pool(args.database)
    pool.init()
    from trytond.modules.saas_portal.demo import PASSWORD, PORTALS
    with Transaction().start(args.database, 0, readonly=True):
        Company = pool.get('company.company')
        slugs = {c.portal_slug for c in Company.search([])}
    rows = []
    for name, portal in PORTALS.items():
        if portal['slug'] not in slugs:
            continue
        base = f'/{args.database}/portal/{portal["slug"]}/'
        client = Client(app, Response)
        page = client.get(base + 'login')
        token = CSRF.search(page.get_data(as_text=True)).group(1)
        answer = client.post(base + 'login', data={'csrf_token': token,
                'email': portal['email'], 'password': PASSWORD})
        if answer.status_code != 303:
            sys.exit(f"cannot sign in as {portal['email']}: "
                f"{answer.status_code}")
        listing = client.get(base + 'projects').get_data(as_text=True)
        pages = [('login', 'login', Client(app, Response)),
            ('password', 'password', Client(app, Response)),
            ('documents', 'documents', client),
            ('projects', 'projects', client)]
        project = LINK['project'].search(listing)
        if project:
            pages.append(('project', f'projects/{project.group(1)}', client))
        sign = LINK['sign'].search(listing)
        if sign:
            pages.append(('sign', f'quotes/{sign.group(1)}/sign', client))
        for label, path, who in pages:
            times = []
            for i in range(args.n + 3):
                started = time.perf_counter()
                response = who.get(base + path)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    sys.exit(f"{base + path}: {response.status_code}")
                if i >= 3:
                    times.append(elapsed)
            rows.append((name, label, path, statistics.median(times),
                    max(times)))
    print(f"portal pages, {args.n} requests each, database "
        f"{args.database!r}, load average "
        f"{' '.join('%.2f' % x for x in os.getloadavg())}\n")
    print('| workshop | page | path | median (ms) | max (ms) |')
    print('|---|---|---|---:|---:|')
    for name, label, path, median, worst in rows:
        print(f'| {name} | {label} | `{path}` | {median:.1f} | '
            f'{worst:.1f} |')


if __name__ == '__main__':
    main()
