"""Records behave as the attrs classes they replaced: the model, findings sent
between processes and evolve() all rely on it."""

import copy
import pickle
from decimal import Decimal

import pytest

from budgetlint.model import Figure, Span
from budgetlint.records import FrozenRecordError, evolve, field, fields, record


@record
class Amount:
    value: Decimal
    unit: str | None = None
    start: int = field(default=0, eq=False)
    _memo: dict = field(factory=dict, eq=False, repr=False)


@record(frozen=False)
class Growing:
    name: str
    children: list = field(factory=list)


@record
class Base:
    line: int


@record
class Derived(Base):
    text: str = ""

    def both(self) -> str:
        return f"{self.line}{self.text}"


def test_equality_and_hash_follow_the_compared_fields_only():
    a = Amount(Decimal("1.50"), "万元", start=3)
    b = Amount(Decimal("1.50"), "万元", start=9)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Amount(Decimal("1.50"), "元")
    assert a != Amount(Decimal("2"), "万元")
    assert (a == (Decimal("1.50"), "万元")) is False


def test_records_of_different_classes_are_never_equal():
    assert Base(1) != Derived(1, "")
    assert Derived(1, "x").both() == "1x" and Derived.__slots__ == ("text",)


def test_a_frozen_record_refuses_changes_and_a_mutable_one_accepts_them():
    a = Amount(Decimal(1))
    with pytest.raises(FrozenRecordError):
        a.value = Decimal(2)
    with pytest.raises(AttributeError):
        del a.unit
    g = Growing("x")
    g.children.append(1)
    g.name = "y"
    assert g == Growing("y", [1])
    with pytest.raises(TypeError):
        hash(g)


def test_a_factory_gives_each_record_its_own_value_and_private_fields_take_their_argument_without_underscore():
    one, two = Amount(Decimal(1)), Amount(Decimal(1))
    assert one._memo is not two._memo
    assert Amount(Decimal(1), memo={"k": 1})._memo == {"k": 1}
    assert [f.argument for f in fields(Amount)] == ["value", "unit", "start", "memo"]


def test_evolve_changes_named_fields_and_refuses_unknown_ones():
    a = Amount(Decimal(1), "元", 4, {"k": 1})
    b = evolve(a, unit="万元", memo={})
    assert (b.value, b.unit, b.start, b._memo) == (Decimal(1), "万元", 4, {})
    assert a.unit == "元"
    with pytest.raises(TypeError, match="no field 'colour'"):
        evolve(a, colour="red")


def test_records_pickle_and_copy_as_themselves():
    figure = Figure(Decimal("12.30"), 2, False, Span(3, 4, 3, 9), "万元")
    for again in (pickle.loads(pickle.dumps(figure)), copy.copy(figure), copy.deepcopy(figure)):
        assert again == figure and type(again) is Figure and again.span == Span(3, 4, 3, 9)
    derived = pickle.loads(pickle.dumps(Derived(2, "t")))
    assert derived == Derived(2, "t")


def test_repr_names_the_shown_fields():
    assert repr(Amount(Decimal("1"), "元")) == "Amount(value=Decimal('1'), unit='元', start=0)"


def test_a_required_field_after_a_default_is_refused_when_the_class_is_built():
    with pytest.raises(TypeError, match="'second' has no default but follows a field that has one"):

        @record
        class Wrong:
            first: int = 0
            second: int
