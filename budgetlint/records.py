"""Records: the small classes of the model, built from their annotations.

budgetlint used attrs for these, and every run of the command line paid for it:
25–55 ms to import attrs and about 0.6 ms to build each of some sixty classes
(issue 11). A record has only what the model uses: an ``__init__`` with
defaults, slots, equality and hash over the compared fields, a repr, pickling
(``--jobs`` sends findings between processes) and :func:`evolve`; building one
takes a few hundredths of a millisecond.

    @record
    class Figure:
        value: Decimal
        unit: str | None = None
        start: int = field(default=0, eq=False)

A frozen record refuses assignment once built; ``@record(frozen=False)`` is
mutable and, since its fields can change, unhashable. As in attrs, the
``__init__`` argument of a field named ``_runs`` is ``runs``.
"""

from __future__ import annotations

from operator import attrgetter
from types import CodeType, FunctionType

__all__ = ["FrozenRecordError", "evolve", "field", "fields", "record"]

_MISSING = object()


class FrozenRecordError(AttributeError):
    """An assignment to a field of a frozen record."""


class Field:
    """One field of a record: its name, default and whether it is compared and shown."""

    __slots__ = ("name", "default", "factory", "eq", "repr")

    def __init__(self, default=_MISSING, factory=None, eq: bool = True, repr: bool = True) -> None:  # noqa: A002
        self.name = ""
        self.default = default
        self.factory = factory
        self.eq = eq
        self.repr = repr

    @property
    def argument(self) -> str:
        """The name of the field's ``__init__`` argument."""
        return self.name.lstrip("_")

    @property
    def required(self) -> bool:
        return self.default is _MISSING and self.factory is None


def field(*, default=_MISSING, factory=None, eq: bool = True, repr: bool = True):  # noqa: A002
    """A field with a default (or a ``factory`` called for each record), or left
    out of equality and hash (``eq=False``) or of the repr (``repr=False``)."""
    return Field(default, factory, eq, repr)


def fields(cls) -> tuple[Field, ...]:
    """The record's fields, those of its bases first."""
    return cls.__record_fields__


def evolve(instance, **changes):
    """A copy of ``instance`` with the fields named (by argument name) changed."""
    values = [changes.pop(f.argument, _MISSING) for f in instance.__record_fields__]
    if changes:
        raise TypeError(f"{type(instance).__name__} has no field {next(iter(changes))!r}")
    pairs = zip(instance.__record_fields__, values, strict=True)
    return instance.__class__(*(getattr(instance, f.name) if value is _MISSING else value for f, value in pairs))


def record(cls=None, *, frozen: bool = True):
    """Make ``cls`` a record; see the module's documentation."""
    if cls is None:
        return lambda cls: _build(cls, frozen)
    return _build(cls, frozen)


def _is_class_variable(annotation) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar"))


def _build(cls, frozen: bool):
    inherited = next((base.__record_fields__ for base in cls.__mro__[1:] if "__record_fields__" in base.__dict__), ())
    own = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_class_variable(annotation):
            continue
        value = cls.__dict__.get(name, _MISSING)
        made = value if isinstance(value, Field) else Field(default=value)
        made.name = name
        own.append(made)
    every = inherited + tuple(own)
    namespace = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}
    for made in own:
        namespace.pop(made.name, None)
    namespace["__slots__"] = tuple(made.name for made in own)
    namespace["__record_fields__"] = every
    namespace["__init__"] = _init(cls.__qualname__, every, frozen)
    namespace["__repr__"] = _repr(tuple(f.name for f in every if f.repr))
    compared = tuple(f.name for f in every if f.eq)
    key = attrgetter(*compared) if compared else (lambda self: ())
    namespace["__eq__"] = _eq(key)
    namespace["__ne__"] = _ne(key)
    namespace["__hash__"] = _hash(key, cls.__qualname__) if frozen else None
    namespace["__reduce__"] = _reduce(attrgetter(*(f.name for f in every)) if len(every) > 1 else None, every)
    if frozen:
        namespace["__setattr__"] = _refuse
        namespace["__delattr__"] = _refuse
    built = type(cls)(cls.__name__, cls.__bases__, namespace)
    built.__qualname__ = cls.__qualname__
    return built


def _check(qualname: str, every: tuple[Field, ...]) -> None:
    for index, made in enumerate(every):
        if not made.name.isidentifier():
            raise TypeError(f"{qualname}: field {made.name!r} is not an identifier")
        if made.required and index and not every[index - 1].required:
            raise TypeError(f"{qualname}: field {made.name!r} has no default but follows a field that has one")


#: Compiled ``__init__`` code by shape (which fields have a factory), with
#: placeholder names: a record's own is this code with its names put in.
_TEMPLATES: dict[tuple[bool, ...], CodeType] = {}


def _template(shape: tuple[bool, ...]) -> CodeType:
    """The code of an ``__init__`` of fields shaped so, compiled once per shape: a
    compile per class cost 0.13 ms, 7 ms of every run. Its source is built from
    numbers alone; no text of a document, a configuration or a rule pack reaches it."""
    code = _TEMPLATES.get(shape)
    if code is None:
        body = [
            f"    _set(self, '\\x00{i}', _factory{i}() if a{i} is _MISSING else a{i})"
            if factory
            else f"    _set(self, '\\x00{i}', a{i})"
            for i, factory in enumerate(shape)
        ]
        arguments = "".join(f", a{i}" for i in range(len(shape)))
        source = f"def __init__(self{arguments}):\n" + ("\n".join(body) or "    pass") + "\n"
        scope: dict = {}
        exec(compile(source, "<record>", "exec"), scope)  # noqa: S102 - see the docstring
        code = _TEMPLATES[shape] = scope["__init__"].__code__
    return code


def _init(qualname: str, every: tuple[Field, ...], frozen: bool):
    """The record's ``__init__``: the template of its shape with its own argument and
    field names, its defaults and its factories."""
    _check(qualname, every)
    code = _template(tuple(f.factory is not None for f in every))
    names = {f"\x00{i}": f.name for i, f in enumerate(every)}
    code = code.replace(
        co_name="__init__",
        co_varnames=("self", *(f.argument for f in every)),
        co_consts=tuple(names.get(c, c) if isinstance(c, str) else c for c in code.co_consts),
    )
    if hasattr(code, "co_qualname"):  # Python 3.11 on
        code = code.replace(co_qualname=f"{qualname}.__init__")
    scope = {"_set": object.__setattr__ if frozen else setattr, "_MISSING": _MISSING}
    scope.update((f"_factory{i}", f.factory) for i, f in enumerate(every) if f.factory is not None)
    defaults = tuple(_MISSING if f.factory is not None else f.default for f in every if not f.required)
    return FunctionType(code, scope, "__init__", defaults or None)


def _repr(shown: tuple[str, ...]):
    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({inner})"

    return __repr__


def _eq(key):
    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) == key(other)

    return __eq__


def _ne(key):
    def __ne__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) != key(other)

    return __ne__


def _hash(key, qualname: str):
    salt = hash(qualname)

    def __hash__(self) -> int:
        return hash((salt, key(self)))

    return __hash__


def _reduce(values, every: tuple[Field, ...]):
    if values is None:
        name = every[0].name if every else None

        def __reduce__(self):
            return (self.__class__, (getattr(self, name),) if name else ())

        return __reduce__

    def __reduce__(self):
        return (self.__class__, values(self))

    return __reduce__


def _refuse(self, name, value=None):
    raise FrozenRecordError(f"{type(self).__name__} is frozen: cannot change {name!r}")
