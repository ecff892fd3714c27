"""The gazetteer of names (quaid_patterns.gazetteer): read from Faker's person providers, with
common words and places left out, and used only where the context makes a name likely."""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from quaid_patterns.gazetteer import family_name, given_name, names


def test_lists_are_read_from_faker() -> None:
    given, family = names()
    assert len(given) > 5000 and len(family) > 5000


@pytest.mark.parametrize("word", ["Maria", "Marie", "José", "jose", "Aarav", "Oleksandr", "Akira", "Chinedu", "Jean-Philippe"])
def test_given_names_of_many_countries(word: str) -> None:
    assert given_name(word)


@pytest.mark.parametrize("word", ["Petrenko", "Shevchenko", "Nguyễn", "Nguyen", "Zhang", "Singh", "Tanaka"])
def test_family_names_with_transliteration_and_accents(word: str) -> None:
    assert family_name(word)  # Ukrainian ones are written in Cyrillic in Faker


@pytest.mark.parametrize("word", ["May", "Will", "Grace", "Hope", "Long", "Victoria", "Paris", "House", "Fee", "Line",
                                  "seven", "Ten", "first", "sept", "Deux"])
def test_common_words_and_places_are_never_names(word: str) -> None:
    assert not given_name(word) and not family_name(word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tysm nadia", "nadia"),
        ("my bf carlos is coming too", "carlos"),
        ("hey its juan carlos perez, any news?", "juan carlos perez"),
        ("Fernando Alves. Preciso de ajuda com meu visto", "Fernando Alves"),
        ("yes it's under Nguyen Thi Hoa", "Nguyen Thi Hoa"),
        ("My employer, Robert King, wrote the letter", "Robert King"),
        ("dossier de Marie Tremblay", "Marie Tremblay"),
        ("j'ai parlé avec Isabelle au téléphone", "Isabelle"),
    ],
)
def test_listed_names_in_likely_contexts(text: str, name: str) -> None:
    found = [text[s.start:s.end] for s in PatternRedactor().find(text) if s.type == "PERSON"]
    assert found == [name]


@pytest.mark.parametrize(
    "text",
    [
        "I will wait for the Grace period",
        "bravo seven",  # number words and a trailing particle ("ten", Dutch) make no name
        "bravo ten",
        "Alpha Ten",
        "thanks a lot Canada Post",
        "My employer, Tim Hortons, gave me a letter",
        "Victoria Park, phone number of the office?",
        "the office on Rue Jean Talon is closed",
        "I live near Jean Brillant Park",
        "we moved to Prince Edward Island",
        "the clinic on Marie-Victorin",
        "Bill C-71 and Saint John NB",
        "Sunny days in Victoria Island",
        "im in Ho Chi Minh city for now",
        "my bf is sick",
        "yes it's under review",
        "Best, Regards",
        "I spoke with Service Canada yesterday",
        "ask for Express Entry at the desk",
        "je suis mariée depuis 2019",
        "Course: Business Administration, email sent 3 times",
        "Employer: Tim Hortons, phone 1-800-386-8466",
        "Thanks!! Merry Christmas",
        "Victoria Park, phone 416 555 0123",
    ],
)
def test_no_name_without_its_context(text: str) -> None:
    assert not [s for s in PatternRedactor().find(text) if s.type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pls dont share my info with my ex Carlos Eduardo Mendes he is harrasing me", "Carlos Eduardo Mendes"),
        ("the consultant Babajide Oyelaran RCIC has all our documents", "Babajide Oyelaran"),
        ("j'ai parlé au téléphone hier, Nadège Lafortune dit qu'il faut le CAQ", "Nadège Lafortune"),
        ("MON NOM EST JEAN-PIERRE DUBOIS ET JE VEUX PARLER A UN AGENT", "JEAN-PIERRE DUBOIS"),
        ("our friend Tatiana Morozova and her son are coming", "Tatiana Morozova"),
        ("my cousin faisal and his wife are sponsoring me", "faisal"),
    ],
)
def test_listed_names_alone(text: str, name: str) -> None:
    """A given name and a family name of the lists, capitalised, are a name with no trigger
    (round 6); a company named exactly like a person ("Harvey Norman") is masked too."""
    found = [text[s.start:s.end] for s in PatternRedactor().find(text) if s.type == "PERSON"]
    assert name in found, found
