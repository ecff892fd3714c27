"""The redactor's import stays light: libphonenumber's geodata tables (~100 MB of area-code
descriptions) are never imported; its country names are read from their file alone (issue 13's footprint)."""

import subprocess
import sys

PROBE = """
import sys
from quaid_patterns import PatternRedactor
spans = list(PatternRedactor().find("call me at +44 20 7946 0958 or 0917 123 4567, I live in Manila"))
assert spans, "the probe found nothing: it proves nothing"
print(sorted(name for name in sys.modules if name.startswith("phonenumbers.geodata")))
"""


def test_the_geodata_tables_are_never_imported() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
