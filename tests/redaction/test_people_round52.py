"""Round 52 of issue 14 (part A): names and birth dates, read on heldout109, heldout110, heldout114, heldout115 and
heldout117 (people.py, dates.py, names_model.py). Each rule covers a way of writing, and each row was written for it,
not taken from a set (names, places, numbers, languages and positions my own). The rows compare only the PERSON and
DATE_OF_BIRTH spans; most positive rows fail at the round's start (3b43eb1), the others guard a rule's edge."""

from __future__ import annotations

import pytest
from people_rounds import names_and_dates

N, D = "PERSON", "DATE_OF_BIRTH"

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # the family name, a comma, the given names after "i am", "I'm", "my wife is" (people._SELF_OR_KIN_IS)
    ("hello i am Diallo, Mariama. need help with my PR card", [(N, "Diallo, Mariama")]),
    ("I'm Oliveira, Joana Beatriz, from Recife", [(N, "Oliveira, Joana Beatriz")]),
    ("My wife is Nguyen, Thi Lan. She is sick today", [(N, "Nguyen, Thi Lan")]),
    ("ma femme c'est Traoré, Aminata.", [(N, "Traoré, Aminata")]),
    # a form's label, two family names in capitals, a given name that is a word too (people._surname_comma_names)
    ("Nom : MBEKI NDLOVU, Grace\nDossier : ouvert", [(N, "MBEKI NDLOVU, Grace")]),
    # "my name is" in the writer's own script before the name in Latin letters (people._opening_words)
    ("اسمي Karim Mansour, my tel 514-555-0133", [(N, "Karim Mansour")]),
    ("меня зовут Oleg Bondar, tel 416-555-0190", [(N, "Oleg Bondar")]),
    # "cardholder is" (people._STRONG_FIELD): "is" is no name
    ("visa 4111 1111 1111 1111 cardholder is my aunt Ngozi Eze", [(N, "Ngozi Eze")]),
    # a Vietnamese name in capitals, the given name's syllables after the middle name (people._listed_names)
    ("VU THI MAI LAN", [(N, "VU THI MAI LAN")]),
    ("PHAM VAN QUOC BAO passport C7654321", [(N, "PHAM VAN QUOC BAO")]),
    # a relative's possessive without its apostrophe (people._STRONG)
    ("my wifes name is Joy. Joy Achieng.", [(N, "Joy"), (N, "Joy Achieng")]),
    # the given name said again with a chat word between, a family name that is a word too (people._restated)
    ("its Daniel again. Daniel Park. about my visa", [(N, "Daniel"), (N, "Daniel Park")]),
    ("c'est Amir ici. Amir Haddad.", [(N, "Amir"), (N, "Amir Haddad")]),
    # a child named between its relation and "born", its name a word too (people._born_child_names)
    ("my daughter Christiana was born 2012-09-14", [(N, "Christiana"), (D, "2012-09-14")]),
    ("our son Christian was born on 3 May 2016", [(N, "Christian"), (D, "3 May 2016")]),
    # a given name that is a word, alone, that the message's e-mail opens with (people._mailbox_given_names)
    ("good day. Faith. faith_okoro@yahoo.com", [(N, "Faith")]),
    # the one the mail is sent to, the new name of a name's change (people._mail_to_names)
    ("arrêtez d'envoyer les lettres à Réal Gendron au 12 rue Principale", [(N, "Réal Gendron")]),
    ("svp n'envoyez plus le courrier à Gilles Tremblay, il a déménagé", [(N, "Gilles Tremblay")]),
    ("name change from Xu Mei to Mei Fontaine, please update", [(N, "Xu Mei"), (N, "Mei Fontaine")]),
    # a message of two words, a given name that is a word too then a family name (people._WHOLE_TWO_WORDS)
    ("Summer Nakamura", [(N, "Summer Nakamura")]),
    # a date alone after a word that gives or corrects it, a remark on its order after it (dates._date_alone)
    ("its 1986-11-23", [(D, "1986-11-23")]),
    ("c'est le 1979-02-14", [(D, "1979-02-14")]),
    ("oops I meant 14/02/1983, day first", [(D, "14/02/1983")]),
    ("no wait 1991-07-05 i swapped month and day", [(D, "1991-07-05")]),
    # a child's birth without its year: the rank, the mother's verb, the baby's arrival (dates._BIRTH)
    ("we had our 2nd baby on 9 March, do I add him?", [(D, "9 March")]),
    ("j'ai accouché le 14 février, faut-il un NAS?", [(D, "14 février")]),
    ("bébé est arrivé le 2 octobre!!", [(D, "2 octobre")]),
    # the year, month and day said by their words, as one translates 年月日 (dates._DATE)
    ("born 1983 year 11 month 2 day", [(D, "1983 year 11 month 2 day")]),
    ("née 1969 année, 7 mois, 30 jour", [(D, "1969 année, 7 mois, 30 jour")]),
    # the papers' verb without its "s" (dates._PAPERS_SAY)
    ("i dont know my real birthday but my passport say 1985.01.01", [(D, "1985.01.01")]),
    # the record's name, the sex alone on its line, then the date (dates._NAME_LINE_THEN)
    ("OKAFOR CHIDI\nM\n03 FEB 1992\nA12345678", [(N, "OKAFOR CHIDI"), (D, "03 FEB 1992")]),
    # a death's date is no birth date (dates._EVENT_JUST_BEFORE)
    (
        "my uncle Farid Naciri passed away on 2023-05-06, he was born 1940-02-01",
        [(N, "Farid Naciri"), (D, "1940-02-01")],
    ),
]

# near-misses: no name, or no birth date
EDGES: list[tuple[str, list[tuple[str, str]]]] = [
    ("i am Ukrainian, Bohdan Melnyk, passport FX 482 016", [(N, "Bohdan Melnyk")]),
    ("I'm Zainab, Nigerian, my employer is nice", [(N, "Zainab")]),
    ("I'm Rosa, Rosa Mendoza, the one with the lost passport.", [(N, "Rosa"), (N, "Rosa Mendoza")]),
    ("Nom : ROYAL BANK, Grace\n", [(N, "ROYAL BANK")]),
    ("Иван Петров, tel 613-555-0110", [(N, "Иван Петров")]),
    ("the cardholder is my brother", []),
    ("my son Canadian born", []),
    ("thanks. Great. great.deals@shop.com", []),
    ("Summer Camp", []),
    ("Grace Period", []),
    ("I moved from Saint John to Fredericton", []),
    ("send the letter to Service Canada", []),
    ("its 2024-06-15", []),
    ("my flight is 1999-04-03", []),
    ("the form wanted dd/mm so 11/03/1978", []),
    ("on arrive le 1er juillet avec 2 bébés, combien de valises", []),
    ("j'ai accouché à l'hôpital, rendez-vous le 3 mars pour le vaccin", []),
    ("i worked 2019 year 5 months 3 days", []),
    ("my passport show 2030/01/01", []),
    ("Ana Lopez\n2019-02-03", [(N, "Ana Lopez")]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE + EDGES)
def test_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_dates(text) == expected
