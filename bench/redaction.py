"""Throughput of the redaction chain with the ``patterns`` redactor, as JSON.

    PYTHONPATH=.:plugins/redaction/patterns python bench/redaction.py [--seconds 2]

Runs the chain over a realistic mix of short client messages (most with no personal
information, some with numbers that are not, some with e-mails, phones, IDs, addresses...)
and, in the same run, two baselines over the same messages: one ``str.lower()`` pass and one
e-mail regular expression. Compare only figures taken in the same run. Also measures a mix
of messages from clients abroad (phone numbers of other countries, which go through
libphonenumber, and passports after words in the clients' languages), and prints recall and
precision per type over the test table (tests/redaction/redaction_cases.py) and the figures
on Presidio's own recognizer tests (tests/redaction/presidio_cases.jsonl).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from quaid_patterns import PatternRedactor

from quaidcore.redaction import RedactionChain

MESSAGES = [
    # general questions, no personal information (most traffic)
    "how long does it take to process a study permit?",
    "Combien de temps pour obtenir un permis d'études?",
    "can I work while I study in Canada",
    "what documents do I need for a visitor visa",
    "Est-ce que je peux inviter mes parents?",
    "hi",
    "bonjour",
    "thanks!",
    "merci beaucoup",
    "I'm confused about the biometrics step",
    "where do I upload my police certificate",
    "How do I link my paper application to my online account?",
    "Quels sont les frais pour la résidence permanente?",
    "my name is spelled wrong on my work permit",
    "I'm from India and want to apply for express entry",
    "Je suis étudiant et je veux travailler plus de 20 heures",
    "can my spouse come with me",
    "what is the difference between a TRV and an eTA",
    "I lost my PR card, what should I do?",
    "talk to an agent please",
    "the website keeps giving me an error when I submit",
    "Je n'ai pas reçu de lettre de confirmation",
    "do I need a medical exam for a visitor visa?",
    "how do I check my application status",
    # numbers that are not personal information
    "the fee is $85 right?",
    "I need 1095 days of physical presence, I have 730 jours",
    "my CRS score is 478, will I get invited?",
    "I filled IMM 5257 and IMM5707, what else?",
    "NOC 21231 is it eligible for FSW?",
    "I applied in 2024 and it has been 6 months",
    "can I work 24 hours a week off campus",
    "do I need $20,635 in settlement funds for one person",
    "my biometrics appointment is at 3:30 tomorrow",
    "I applied on March 3 and still nothing",
    "les frais de 100 $ sont-ils remboursables?",
    "processing time says 26 weeks, is that right",
    # personal information
    "my email is john.smith@gmail.com please update it",
    "call me at (613) 555-0199",
    "Mon numéro de téléphone est le 514 555-0182",
    "my UCI is 1234-5678 and my application number is E001234567",
    "mon NAS est 046 454 286",
    "Hi, I'm Maria Lopez, I applied for PGWP",
    "je m'appelle Jean Tremblay et j'ai une question",
    "I moved to 45 rue Sainte-Catherine Ouest, Montréal H3B 1A7",
    "my date of birth is 1990-05-14 but the letter says 1990-04-15",
    "passport number AB123456 expires next year",
    "I paid with card 4111 1111 1111 1111 but it failed",
    "new address: apt 4, 1200 boul. René-Lévesque",
]


# Clients abroad: the slower path (libphonenumber runs on these numbers).
INTERNATIONAL = [
    "my whatsapp is 0918 234 5678, I'm in Cebu",
    "call me +91 98111 22334 after 7pm IST",
    "mon numéro au Sénégal est le 77 654 32 10",
    "telefonum 0533 444 55 66",
    "cel (55) 1234-5678 (CDMX)",
    "wechat 13712345678",
    "pasaporte N12345678, mexicano",
    "护照号码 G12345678",
    "the fee is $85, I paid on 2024-03-02 from Lagos",
    "IMM 5257 and IMM 5645 for my parents in Manila",
    "processing time 180 days?? I applied 06/14",
    "my number 0803 456 7890 (Nigeria)",
]


def _rate(function: Callable[[str], object], messages: list[str], seconds: float) -> float:
    """Messages per second of `function`, looping over `messages` for about `seconds`."""
    return _measure(function, messages, seconds)[0]


def _measure(function: Callable[[str], object], messages: list[str], seconds: float) -> tuple[float, float]:
    """(messages per second of wall-clock time, CPU microseconds per message) of `function`.

    On a machine shared with other work the wall-clock rate varies with the neighbours'
    load; the CPU time of this process varies much less, so compare that between runs.
    """
    count = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    deadline = started + seconds
    while True:
        for message in messages:
            function(message)
        count += len(messages)
        now = time.perf_counter()
        if now >= deadline:
            return count / (now - started), (time.process_time() - cpu_started) / count * 1e6


def _table_scores() -> dict[str, dict[str, float | int]] | None:
    tests = Path(__file__).resolve().parent.parent / "tests" / "redaction"
    if not (tests / "redaction_cases.py").exists():
        return None
    sys.path.insert(0, str(tests))
    from redaction_cases import CASES, report, score

    return {"cases": len(CASES), **report(score(PatternRedactor().find))}


def _presidio_suite() -> dict[str, object] | None:
    tests = Path(__file__).resolve().parent.parent / "tests" / "redaction"
    if not (tests / "presidio_cases.jsonl").exists():
        return None
    sys.path.insert(0, str(tests))
    from presidio_eval import evaluate, load

    result = evaluate(load())
    return {
        "spans": result["spans"],
        "recall": round(result["recall"], 4),
        "recall_by_group": {key: round(r["recall"], 4) for key, r in result["types"].items()},
        "negatives_altered": result["negatives"],
    }


def main() -> None:
    """Measure and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()

    chain = RedactionChain([PatternRedactor()])
    email = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    for message in MESSAGES:  # warm up
        chain.redact(message)

    lower = _rate(str.lower, MESSAGES, args.seconds)
    one_regex = _rate(email.search, MESSAGES, args.seconds)
    redaction, cpu_us = _measure(chain.redact, MESSAGES, args.seconds)
    international, international_cpu_us = _measure(chain.redact, INTERNATIONAL, args.seconds)
    masked = sum(1 for m in MESSAGES if chain.redact(m).spans)
    print(json.dumps({
        "benchmark": "redaction chain [patterns]",
        "messages": len(MESSAGES),
        "messages_with_personal_information": masked,
        "mean_chars": round(sum(map(len, MESSAGES)) / len(MESSAGES), 1),
        "messages_per_s": round(redaction),
        "us_per_message": round(1e6 / redaction, 2),
        "cpu_us_per_message": round(cpu_us, 2),
        "baseline_lower_per_s": round(lower),
        "baseline_email_regex_per_s": round(one_regex),
        "ratio_to_lower": round(redaction / lower, 4),
        "ratio_to_email_regex": round(redaction / one_regex, 4),
        "international_messages": len(INTERNATIONAL),
        "international_messages_per_s": round(international),
        "international_us_per_message": round(1e6 / international, 2),
        "international_cpu_us_per_message": round(international_cpu_us, 2),
        "table": _table_scores(),
        "presidio_suite": _presidio_suite(),
    }, indent=2))


if __name__ == "__main__":
    main()
