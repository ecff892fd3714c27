"""A time zone's country, for the widget's reports: the browser tells its IANA time zone
(``America/Toronto``), the server keeps only the country (``CA``) from the time-zone
database's ``zone.tab`` (the system's, else the ``tzdata`` package's), never the zone.
"""

from __future__ import annotations

import functools
import zoneinfo
from importlib import resources
from pathlib import Path


def _zone_tab() -> str:
    for folder in zoneinfo.TZPATH:
        path = Path(folder) / "zone.tab"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        return resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return ""


@functools.cache
def zone_countries() -> dict[str, str]:
    """``{"America/Toronto": "CA", ...}`` (empty when no time-zone database is found)."""
    countries = {}
    for line in _zone_tab().splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3 and len(fields[0]) == 2:
            countries[fields[2]] = fields[0]
    return countries


# Zones zone.tab leaves out (links, UTC): their country, or none.
ALIASES = {"America/Montreal": "CA", "Canada/Eastern": "CA", "Canada/Pacific": "CA", "Canada/Central": "CA",
           "Canada/Mountain": "CA", "Canada/Atlantic": "CA", "Canada/Newfoundland": "CA",
           "US/Eastern": "US", "US/Pacific": "US", "US/Central": "US", "US/Mountain": "US",
           "Asia/Calcutta": "IN", "Asia/Saigon": "VN", "Europe/Kiev": "UA"}


def country_of(zone: str | None) -> str:
    """The two-letter country of an IANA time zone, or ``?`` (unknown, UTC, none)."""
    if not zone:
        return "?"
    return zone_countries().get(zone) or ALIASES.get(zone, "?")
