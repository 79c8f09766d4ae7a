"""Who a drafted figure is attributed to: the statistical agency its paragraph names,
or one named on an earlier line that the figure's sentence refers back to or that the
next paragraph goes on with.

Matched on normalized, lower-cased text.
"""

from __future__ import annotations

import bisect
import re

from tradestats.text.lexicon import AGENCY_WORDS, Vocabulary

__all__ = ["AGENCIES", "AGENCY_ECONOMY", "agency_at", "carries"]

AGENCY_ECONOMY = {name: economy for name, (economy, _words) in AGENCY_WORDS.items()}
AGENCIES = Vocabulary({name: words for name, (_economy, words) in AGENCY_WORDS.items()})


def agency_at(mentions: list[tuple[int, str, str]], start: int, end: int) -> tuple[str | None, str]:
    """The agency named before the figure in its paragraph (or else the first after it),
    and the words that name it; ``mentions`` are the paragraph's agencies, in order."""
    i = bisect.bisect_left(mentions, (start,))
    found = mentions[i - 1] if i else next((m for m in mentions[i:] if m[0] >= end), None)
    return (found[1], found[2]) if found else (None, "not stated")


# words that refer back to an agency named before: "the agency said", "customs data",
# «این نهاد», «ведомство»
_AGENCY_BACK = re.compile(
    r"(?<!\w)(?:the\s+(?:agency|service|committee|customs|administration|office|institute|"
    r"bureau|ministry)|customs|its\s+data|the\s+data|این\s+نهاد|این\s+سازمان|گمرک|"
    r"ведомств\w*|служб\w*|таможн\w*|"
    # words that work a figure out from the data just given: "That left China with a
    # deficit", «بدین ترتیب», «طبق همین آمار», «Таким образом»
    r"that\s+left|this\s+left|thus|بدین\s+ترتیب|به\s+این\s+ترتیب|بر\s+این\s+اساس|"
    r"طبق\s+همین|همین\s+(?:آمار|ارقام|منبع)|таким\s+образом)(?!\w)"
)


# words that give a figure to someone else: a speaker or another source
_SOMEONE_ELSE = re.compile(
    r"(?<!\w)(?:said|says|told|stated|according\s+to|official|minister|ambassador|expects?|"
    r"گفت|افزود|به\s+گفته|اظهار|سفیر|وزیر|заявил\w*|сказал\w*|отметил\w*|по\s+словам|"
    r"посол|министр)(?!\w)"
)


def carries(sentence: str, lines_after: int) -> bool:
    """Whether an agency named on an earlier line carries to a figure: the sentence
    refers back to it, or it stands in the next paragraph and names nobody else."""
    if _AGENCY_BACK.search(sentence):
        return True
    return lines_after <= 2 and not _SOMEONE_ELSE.search(sentence)
