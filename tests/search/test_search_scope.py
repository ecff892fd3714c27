"""The allow-list that keeps the search on the agency's own site: a table of URLs."""

from __future__ import annotations

import pytest
from quaid_sqlite_fts import DEFAULT_ALLOWED, SiteScope

IRCC_EN = "https://www.canada.ca/en/immigration-refugees-citizenship/"
IRCC_FR = "https://www.canada.ca/fr/immigration-refugies-citoyennete/"

CASES = [
    # (allowed, url, expected)
    (DEFAULT_ALLOWED, IRCC_EN + "services/visit-canada/eta.html", True),
    (DEFAULT_ALLOWED, IRCC_FR + "services/visiter-canada/ave.html", True),
    (DEFAULT_ALLOWED, IRCC_EN, True),
    (DEFAULT_ALLOWED, "HTTPS://WWW.CANADA.CA/en/immigration-refugees-citizenship/x.html", True),
    (DEFAULT_ALLOWED, "https://www.canada.ca:443/en/immigration-refugees-citizenship/x.html", True),
    (DEFAULT_ALLOWED, IRCC_EN + "x.html?lang=en#top", True),
    (DEFAULT_ALLOWED, IRCC_EN + "a/../b.html", True),
    # near-misses
    (DEFAULT_ALLOWED, "http://www.canada.ca/en/immigration-refugees-citizenship/x.html", False),
    (DEFAULT_ALLOWED, "https://www.canada.ca/en/revenue-agency/x.html", False),
    (DEFAULT_ALLOWED, "https://www.canada.ca/en/immigration-refugees-citizenship.html", False),
    (DEFAULT_ALLOWED, "https://www.canada.ca/en/immigration-refugees-citizenship-fake/x.html", False),
    (DEFAULT_ALLOWED, IRCC_EN + "../revenue-agency/x.html", False),
    (DEFAULT_ALLOWED, IRCC_EN + "%2e%2e/revenue-agency/x.html", False),
    (DEFAULT_ALLOWED, "https://www.canada.ca.evil.example/en/immigration-refugees-citizenship/", False),
    (DEFAULT_ALLOWED, "https://www.canada.ca@evil.example/en/immigration-refugees-citizenship/", False),
    (DEFAULT_ALLOWED, "https://user:pw@www.canada.ca/en/immigration-refugees-citizenship/", False),
    (DEFAULT_ALLOWED, "https://evil.www.canada.ca/en/immigration-refugees-citizenship/", False),
    (DEFAULT_ALLOWED, "https://www.canada.ca:8443/en/immigration-refugees-citizenship/", False),
    (DEFAULT_ALLOWED, "https://www.canada.ca:notaport/en/immigration-refugees-citizenship/", False),
    (DEFAULT_ALLOWED, "/en/immigration-refugees-citizenship/x.html", False),
    (DEFAULT_ALLOWED, "javascript:alert(1)", False),
    (DEFAULT_ALLOWED, "", False),
    # bare hosts and prefixes without a trailing slash
    (["www.canada.ca"], "http://www.canada.ca/anything", True),
    (["www.canada.ca"], "https://www.canada.ca/", True),
    (["www.canada.ca"], "ftp://www.canada.ca/x", False),
    (["www.canada.ca/en/services"], "https://www.canada.ca/en/services/x.html", True),
    (["www.canada.ca/en/services"], "https://www.canada.ca/en/services", True),
    (["www.canada.ca/en/services"], "https://www.canada.ca/en/services-x.html", False),
    (["https://www.canada.ca:8443/"], "https://www.canada.ca:8443/x", True),
    (["https://www.canada.ca:8443/"], "https://www.canada.ca/x", False),
]


@pytest.mark.parametrize(("allowed", "url", "expected"), CASES)
def test_allows(allowed, url, expected):
    assert SiteScope(allowed).allows(url) is expected


@pytest.mark.parametrize("entry", ["", "   ", "https://", "https://user@www.canada.ca/", "//"])
def test_entries_that_are_not_prefixes_are_rejected(entry):
    with pytest.raises(ValueError, match="not a URL prefix"):
        SiteScope([entry])
