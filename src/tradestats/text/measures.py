"""What a money figure of trade measures, where it is not the level of a flow: a trade
balance (a deficit, a surplus), or an absolute change ("rose by $1.2 billion").

Matched on normalized, lower-cased text, within the figure's clause.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Measured", "balance_at", "change_at"]


class Measured(NamedTuple):
    """A figure's measure ("balance" or "change"), its sign (+1 or -1; a deficit and a
    fall are negative) and the words that decided it."""

    measure: str
    sign: int
    words: str


_NEGATIVE = r"deficit|shortfall|کسری|کسر\s+بیلانس|کسر\s+تجاری|дефицит\w*|отрицательн\w*"
_POSITIVE = r"surplus|مازاد|профицит\w*|положительн\w*"
_BALANCE = re.compile(
    rf"(?<!\w)(?:(?P<neg>{_NEGATIVE})|(?P<pos>{_POSITIVE})|trade\s+balance|trade\s+gap|"
    r"balance\s+of\s+trade|تراز\s+تجاری|تراز|بیلانس|сальдо)(?!\w)"
)
# words that end a figure's clause: a balance word beyond them is another figure's
_CLAUSE = re.compile(r"[;؛]|,\s|،|\s(?:while|whereas|and|а|و)\s")


def balance_at(sentence: str, at: int, end: int) -> Measured | None:
    """A balance where a balance word stands in the figure's clause, before it ("a
    deficit of $18.2 billion", «کسری تجاری ... ۱۸۰ میلیون دلار») or just after it ("a
    $2 billion surplus")."""
    head = sentence[max(0, at - 70) : at]
    cut = [m.end() for m in _CLAUSE.finditer(head)]
    head = head[cut[-1] :] if cut else head
    found = list(_BALANCE.finditer(head))
    after = _BALANCE.search(sentence[end : end + 25])
    m = found[-1] if found else after
    if m is None:
        return None
    sign = -1 if m["neg"] else 1
    if not m["neg"] and re.search(_NEGATIVE, sentence[max(0, at - 70) : end + 25]):
        sign = -1  # "a trade balance in deficit of $5 billion"
    return Measured("balance", sign, m.group())


_UP = r"rose|risen|rise|increased|increase|grew|grown|jumped|climbed|gained|up|higher|more"
_DOWN = r"fell|fallen|fall|decreased|decrease|declined|dropped|shrank|slid|down|lower|less"
_BY = re.compile(r"(?<!\w)(?:by|на|به\s+میزان)\s+(?:(?:about|some|nearly|almost|около|почти|"
                 r"более\s+чем|حدود)\s+)?$")  # fmt: skip
_CHANGE_BEFORE = re.compile(
    rf"(?<!\w)(?:(?P<up>{_UP}|вырос\w*|увеличил\w*|прибав\w*)|"
    rf"(?P<down>{_DOWN}|сократил\w*|снизил\w*|упал\w*|уменьшил\w*))(?!\w)"
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?P<up>more|higher|больше|выше|افزایش|رشد|بیشتر)|"
    r"(?P<down>less|lower|меньше|ниже|کاهش|کمتر))(?!\w)"
)


def change_at(sentence: str, at: int, end: int) -> Measured | None:
    """An absolute change: "increased by $1.2 billion", «выросла на $155 млрд», «۴۰
    میلیون دالر کاهش یافت», "$3 billion more than"; the figure's words, its unit
    included, stand at [at, end)."""
    head = sentence[max(0, at - 60) : at]
    after = _CHANGE_AFTER.match(sentence[end : end + 20])
    if _BY.search(head):
        verbs = list(_CHANGE_BEFORE.finditer(head))
        if verbs:
            v = verbs[-1]
            return Measured("change", 1 if v["up"] else -1, f"{v.group()} … {head.strip()[-6:]}")
        if after:
            return Measured("change", 1 if after["up"] else -1, after.group().strip())
    to_level = re.search(r"(?<!\w)به\s*$", head)  # «به ۴۰۰ میلیون دلار افزایش یافت»: a level
    if after and not to_level and (after["up"] in ("افزایش", "رشد") or after["down"] == "کاهش"):
        return Measured("change", 1 if after["up"] else -1, after.group().strip())
    return None
