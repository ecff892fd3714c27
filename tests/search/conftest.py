"""A small bilingual site written by the tests, for the sqlite_fts search plugin."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

EN = "https://www.canada.ca/en/immigration-refugees-citizenship/services/"
FR = "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/"
ALLOWED = [EN.removesuffix("services/"), FR.removesuffix("services/")]


def write_page(folder: Path, name: str, title: str, url: str, lang: str, body: str) -> Path:
    """Write a Markdown page with front matter; returns its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\nurl: {url}\nlang: {lang}\n---\n# {title}\n\n{body}\n",
                    encoding="utf-8")
    return path


PAGES = [
    ("en/study-permit.md", "Study permits", EN + "study-canada/study-permit.html", "en",
     "You need a study permit to study at a designated learning institution. "
     "Apply online before you travel. A study permit is not a visa."),
    ("en/extend-study.md", "Extend your stay as a student", EN + "study-canada/extend.html", "en",
     "To renew your permit, apply at least 30 days before it expires. "
     "You keep your status while we process the application."),
    ("en/work-permit.md", "Work permits", EN + "work-canada/permit.html", "en",
     "Most foreign nationals need a work permit to work in Canada. "
     "An open work permit lets you work for almost any employer."),
    ("en/super-visa.md", "Parent and grandparent super visa", EN + "visit-canada/super-visa.html", "en",
     "The super visa lets parents and grandparents visit family for up to 5 years at a time. "
     "You need private medical insurance."),
    ("fr/permis-etudes.md", "Permis d'études", FR + "etudier-canada/permis-etudes.html", "fr",
     "Vous avez besoin d'un permis d'études pour faire des études dans un établissement "
     "d'enseignement désigné. Présentez votre demande en ligne avant le voyage."),
    ("fr/super-visa.md", "Super visa pour les parents et grands-parents",
     FR + "visiter-canada/super-visa.html", "fr",
     "Le super visa permet aux parents et grands-parents de rendre visite à leur famille "
     "jusqu'à 5 ans à la fois. Une assurance médicale privée est exigée."),
    ("fr/prolonger.md", "Prolonger votre séjour", FR + "visiter-canada/prolonger.html", "fr",
     "Pour le renouvellement de votre statut de visiteur, présentez une demande en ligne."),
    # Not on the allowed site: must never be indexed.
    ("other/scam.md", "Study permit guaranteed", "https://www.canada.ca.example.com/en/"
     "immigration-refugees-citizenship/scam.html", "en",
     "Pay us and get a study permit guaranteed. Zanzibar."),
    ("other/taxes.md", "Taxes for students", "https://www.canada.ca/en/revenue-agency/students.html",
     "en", "Students file taxes. Zanzibar."),
]


@dataclass(frozen=True)
class Site:
    """The test site: its folder, its allow-list, its URL roots and what a build should count."""

    folder: Path
    allowed: list[str]
    en: str = EN
    fr: str = FR
    n_allowed: int = 7
    n_skipped: int = 2


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """A folder of pages: seven on the allowed site, two outside it."""
    folder = tmp_path / "site"
    for name, title, url, lang, body in PAGES:
        write_page(folder, name, title, url, lang, body)
    return Site(folder, list(ALLOWED))


@pytest.fixture(name="write_page")
def write_page_fixture() -> Callable[..., Path]:
    """The page writer, for tests that add or change pages."""
    return write_page
