"""Reading pages: Markdown with front matter and saved HTML."""

from __future__ import annotations

import pytest
from quaid_sqlite_fts.pages import PageError, markdown_text, parse_html, parse_markdown, read_page

URL = "https://www.canada.ca/en/immigration-refugees-citizenship/services/visit-canada/eta.html"


def test_markdown_front_matter_and_body():
    page = parse_markdown(
        f"---\ntitle: Electronic Travel Authorization (eTA)\nurl: {URL}\nlang: en\n---\n"
        "# Electronic Travel Authorization (eTA)\n\nAn eTA costs **CAD $7**. "
        "See [the form](https://example.com/form) and ![a map](map.png).\n\n"
        "- first item\n1. numbered\n\n| Fee | Amount |\n|---|---|\n| eTA | $7 |\n"
        "> quoted `code`\n<!-- hidden note -->\n",
        "eta.md",
    )
    assert (page.title, page.url, page.lang, page.source) == (
        "Electronic Travel Authorization (eTA)", URL, "en", "eta.md")
    assert "An eTA costs CAD $7. See the form and a map." in page.body
    for gone in ("**", "](", "example.com", "#", "|", "---", "hidden note", "`", "- first"):
        assert gone not in page.body
    assert "first item" in page.body and "quoted code" in page.body


def test_markdown_language_defaults_to_the_url():
    page = parse_markdown("---\ntitle: AVE\nurl: https://www.canada.ca/fr/x/ave.html\n---\nCorps",
                          "ave.md")
    assert page.lang == "fr"
    page = parse_markdown("---\ntitle: X\nurl: https://www.canada.ca/x.html\nlang: fr-CA\n---\n",
                          "x.md")
    assert page.lang == "fr"


def test_markdown_title_falls_back_to_the_first_line():
    page = parse_markdown(f"---\nurl: {URL}\n---\n\n# Visit Canada\nText", "v.md")
    assert page.title == "Visit Canada"


@pytest.mark.parametrize(("text", "reason"), [
    ("# No front matter", "no front matter"),
    ("---\ntitle: x\n---\nbody", "no url"),
    ("---\n[unclosed\n---\nbody", "not valid YAML"),
    ("---\n- a list\n---\nbody", "mapping"),
])
def test_markdown_errors_say_why(text, reason):
    with pytest.raises(PageError, match=reason):
        parse_markdown(text, "bad.md")


def test_markdown_text_keeps_accents_and_entities():
    assert markdown_text("Les *études* &amp; le __travail__") == "Les études & le travail"


HTML = f"""<!DOCTYPE html>
<html lang="fr-CA"><head>
<title>Autorisation de voyage électronique (AVE) - Canada.ca</title>
<link rel="canonical" href="{URL}">
<style>body {{ color: red }}</style><script>var secret = "tracking";</script>
</head><body>
<header><nav><a href="/">Accueil</a> Menu principal</nav></header>
<main><h1>Autorisation de voyage électronique</h1>
<p>Une AVE coûte <strong>7&nbsp;$</strong>.</p><p>Elle est valide 5&nbsp;ans.<br>Fin.</p>
<ul><li>un</li><li>deux</li></ul></main>
<footer>Avis &copy; Gouvernement</footer>
</body></html>"""


def test_html_metadata_and_main_text():
    page = parse_html(HTML, "ave.html")
    assert page.title == "Autorisation de voyage électronique (AVE) - Canada.ca"
    assert (page.url, page.lang) == (URL, "fr")
    assert "Une AVE coûte 7 $." in page.body and "valide 5 ans.\nFin." in page.body
    for gone in ("tracking", "color", "Menu principal", "Accueil", "Gouvernement"):
        assert gone not in page.body


def test_html_without_main_keeps_the_body_without_navigation():
    page = parse_html(
        "<html><body><nav>Skip me</nav><h1>Study</h1><div>Apply <b>online</b></div>"
        f"<!-- url: {URL} -->\n<!-- lang: en --></body></html>", "s.html")
    assert (page.url, page.lang, page.title) == (URL, "en", "Study")
    assert "Skip me" not in page.body and "Apply online" in page.body


def test_html_front_matter_comment_supplies_missing_fields():
    page = parse_html(f"<!--\ntitle: From comment\nurl: {URL}\nlang: en\n-->\n<p>Body</p>", "c.html")
    assert (page.title, page.url, page.lang, page.body) == ("From comment", URL, "en", "Body")


def test_html_og_url_and_broken_markup():
    page = parse_html(
        f'<html><head><meta property="og:url" content="{URL}"></head>'
        "<body><main><p>Unclosed <div>tags</span> everywhere</main><p>after", "b.html")
    assert page.url == URL
    assert "Unclosed" in page.body and "everywhere" in page.body


def test_html_without_url_is_an_error():
    with pytest.raises(PageError, match="no URL"):
        parse_html("<html><title>x</title><p>y</p></html>", "n.html")


def test_read_page_by_suffix(tmp_path):
    (tmp_path / "a.htm").write_text(f'<link rel="canonical" href="{URL}"><title>A</title>',
                                    encoding="utf-8")
    assert read_page(tmp_path / "a.htm").title == "A"
    (tmp_path / "b.txt").write_text("x")
    with pytest.raises(PageError, match="not a page file"):
        read_page(tmp_path / "b.txt")
    with pytest.raises(PageError, match="cannot be read"):
        read_page(tmp_path / "missing.md")
    (tmp_path / "latin1.md").write_bytes(f"---\ntitle: Caf\xe9\nurl: {URL}\n---\n".encode("latin-1"))
    assert read_page(tmp_path / "latin1.md").title.startswith("Caf")
