"""Business hours per channel team: weekly opening times in a time zone, with holidays.

```yaml
business_hours:
  "*":                                 # every team without a block of its own
    timezone: America/Toronto
    week: {mon-fri: "08:30-12:00, 13:00-16:30", sat: "10:00-14:00"}
    holidays: [2025-12-25, 2026-01-01]
  messenger:
    timezone: America/Vancouver
    week: {mon-sun: "00:00-24:00"}
```

A day not in ``week`` is closed; a range that ends before it starts runs past midnight
(``"22:00-06:00"``); holidays are whole days closed, in the schedule's zone. Without any
block, agents are always there. Times are computed with :mod:`zoneinfo` from an epoch time
the caller passes (the helpdesk's clock, which tests set), never from the wall clock here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
SEARCH_DAYS = 400  # how far ahead the next opening is looked for


class BusinessHours(BaseModel):
    """One team's opening times (the ``business_hours`` blocks of the helpdesk's config)."""

    model_config = ConfigDict(extra="forbid")
    timezone: str = Field("UTC", description="an IANA zone: America/Toronto")
    week: dict[str, str | list[str]] = Field(
        default_factory=dict, description='days (mon, mon-fri) → "08:30-12:00, 13:00-16:30"')
    holidays: list[date] = Field(default_factory=list, description="whole days closed (YYYY-MM-DD)")

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (an IANA name: America/Toronto)") from None
        return value

    @field_validator("week")
    @classmethod
    def _week(cls, value: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
        for days, ranges in value.items():
            _days(days)
            _ranges(ranges)
        return value

    def schedule(self) -> Schedule:
        """The compiled schedule."""
        week: dict[int, list[tuple[int, int]]] = {d: [] for d in range(7)}
        for days, ranges in self.week.items():
            for day in _days(days):
                week[day].extend(_ranges(ranges))
        return Schedule(ZoneInfo(self.timezone), {d: sorted(r) for d, r in week.items()},
                        frozenset(self.holidays))


def _days(spec: str) -> list[int]:
    """``mon`` → [0]; ``mon-fri`` → [0..4]; ``sat,sun`` → [5, 6]."""
    out: list[int] = []
    for part in spec.lower().split(","):
        part = part.strip()
        first, _, last = part.partition("-")
        if first not in DAY_NAMES or (last and last not in DAY_NAMES):
            raise ValueError(f"days {spec!r}: use mon, tue, wed, thu, fri, sat, sun or a range mon-fri")
        start, end = DAY_NAMES.index(first), DAY_NAMES.index(last or first)
        out.extend((start + i) % 7 for i in range((end - start) % 7 + 1))
    return out


def _ranges(spec: str | list[str]) -> list[tuple[int, int]]:
    """``"08:30-12:00, 13:00-16:30"`` → [(510, 720), (780, 990)] in minutes of the day; a
    range that ends before it starts runs past midnight (its end is then above 1440)."""
    parts = spec.split(",") if isinstance(spec, str) else list(spec)
    out = []
    for part in parts:
        if not part.strip():
            continue
        match = RANGE.match(part)
        if not match:
            raise ValueError(f"opening times {part!r}: use HH:MM-HH:MM")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
            raise ValueError(f"opening times {part!r}: not a time of day")
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if end == start:
            raise ValueError(f"opening times {part!r}: empty")
        out.append((start, end if end > start else end + 1440))
    return out


@dataclass(frozen=True)
class Schedule:
    """Compiled business hours: minutes of each weekday (0 = Monday) and holidays."""

    zone: ZoneInfo
    week: dict[int, list[tuple[int, int]]]
    holidays: frozenset[date]

    def local(self, at: float) -> datetime:
        """The epoch time `at` in the schedule's zone."""
        return datetime.fromtimestamp(at, self.zone)

    def _openings(self, day: date) -> list[tuple[datetime, datetime]]:
        """The opening intervals that start on `day` (none on a holiday)."""
        if day in self.holidays:
            return []
        return [(_at(day, start, self.zone), _at(day, end, self.zone))
                for start, end in self.week.get(day.weekday(), [])]

    def _around(self, at: datetime) -> list[tuple[datetime, datetime]]:
        # intervals of yesterday (one may run past midnight) and today
        return self._openings(at.date() - timedelta(days=1)) + self._openings(at.date())

    def is_open(self, at: float) -> bool:
        """True when agents are there at epoch time `at`."""
        now = self.local(at)
        return any(begin.timestamp() <= at < end.timestamp() for begin, end in self._around(now))

    def next_open(self, at: float) -> datetime | None:
        """When agents are next there (now when open), in the schedule's zone; None when the
        schedule never opens."""
        if self.is_open(at):
            return self.local(at)
        today = self.local(at).date()
        for offset in range(SEARCH_DAYS):
            for begin, _ in self._openings(today + timedelta(days=offset)):
                if begin.timestamp() > at:
                    return begin
        return None


def _at(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """The wall-clock time `minutes` after `day`'s midnight (24:00 is the next midnight),
    as an aware datetime in `zone` (a time that a DST change skips is taken after it)."""
    extra_days, minute = divmod(minutes, 1440)
    wall = datetime.combine(day + timedelta(days=extra_days), time(minute // 60, minute % 60), tzinfo=zone)
    # normalise through UTC: a wall time in a DST gap becomes the real instant after it
    return datetime.fromtimestamp(wall.timestamp(), zone)


class Hours:
    """The schedules of the teams (``business_hours`` of the helpdesk's config)."""

    def __init__(self, blocks: dict[str, BusinessHours] | None = None) -> None:
        self.schedules = {team: block.schedule() for team, block in (blocks or {}).items()}

    def schedule(self, team: str) -> Schedule | None:
        """The team's schedule, else the ``"*"`` one, else None (always open)."""
        return self.schedules.get(team) or self.schedules.get("*")

    def is_open(self, team: str, at: float) -> bool:
        """True when `team`'s agents are there at epoch time `at`."""
        schedule = self.schedule(team)
        return schedule is None or schedule.is_open(at)

    def next_open(self, team: str, at: float) -> datetime | None:
        """When `team`'s agents are next there (local time of its schedule)."""
        schedule = self.schedule(team)
        if schedule is None:
            return datetime.fromtimestamp(at).astimezone()
        return schedule.next_open(at)
