"""Every addon ships its interface in French, completely."""
import glob
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_every_addon_has_a_complete_french_catalogue():
    addons = sorted(
        os.path.dirname(cfg) for cfg in glob.glob(
            os.path.join(ROOT, '*addons', '*', 'tryton.cfg')))
    assert addons, "no addon found"
    catalogues = [os.path.join(a, 'locale', 'fr.po') for a in addons]
    missing = [c for c in catalogues if not os.path.exists(c)]
    assert not missing, f"addons without locale/fr.po: {missing}"
    result = subprocess.run(
        [sys.executable, os.path.join(ROOT, 'i18n', 'fill_po.py'), '--check',
            *catalogues],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
