"""Scoring profiles: how many points budget execution is worth and what the
rest of a sheet's points are, by the rules a department scores under.

A profile is chosen in the configuration (``scoring = "湖北"``), or inferred
from the sheets: from the points a sheet prints for budget execution
("得分 (20分*执行率)", "执行率分值（10分）"), else from the sheet's shape (a
sheet that scores every fund line is Sichuan's), else from the weight of its
own targets ("年度绩效目标 (80分)" leaves 20). Every BL5xx message names the profile.
"""

from __future__ import annotations

from decimal import Decimal

from ..records import record

__all__ = ["PROFILES", "Profile", "profile_of"]


@record
class Profile:
    key: str
    name: str
    #: The points budget execution is worth (None: each fund line has its own).
    execution: Decimal | None
    #: The name in English messages.
    english: str = ""


PROFILES = {
    "湖北": Profile("湖北", "湖北 20 分制", Decimal(20), "Hubei, 20 points"),
    "全国": Profile("全国", "全国 10 分制，财预〔2020〕10号", Decimal(10), "national, 10 points, Cai Yu [2020] No. 10"),
    "四川": Profile("四川", "四川 各资金行分值制", None, "Sichuan, points per fund line"),
}


def _by_points(points: Decimal) -> Profile:
    for profile in PROFILES.values():
        if profile.execution == points:
            return profile
    return Profile("", f"预算执行 {points} 分", points, f"budget execution worth {points} points")


def profile_of(sheet, configured: str | None) -> Profile | None:
    """The profile ``sheet`` is scored under. Points the sheet prints win over the
    configuration (the sheet says what it did); a profile configured, or the weight of
    the sheet's own targets ("年度绩效目标 (80分)": 20 left for execution), fill in for a
    sheet that prints none. Another sheet's points are not taken: a document may hold a
    department sheet scored one way and project sheets another."""
    if sheet.points is not None:
        return _by_points(sheet.points)
    if sheet.style == "四川":
        return PROFILES["四川"]
    if configured is not None:
        return PROFILES[configured]
    roots = [weight for weight in sheet.weights if weight.level == 0 and weight.points is not None]
    if len(roots) == 1 and roots[0].points < 100:
        return _by_points(100 - roots[0].points)
    return None
