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
    namespace["__init__"] = _first_init(cls.__qualname__, every, frozen)
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


def _first_init(qualname: str, every: tuple[Field, ...], frozen: bool):
    """An ``__init__`` that compiles the real one when the first record is made:
    most runs make records of only some of the classes, and compiling is the
    most of what a class costs."""
    _check(qualname, every)

    def __init__(self, *args, **kwargs):
        real = _init(qualname, every, frozen)
        for cls in type(self).__mro__:
            if cls.__dict__.get("__init__") is __init__:
                cls.__init__ = real
                break
        real(self, *args, **kwargs)

    __init__.__qualname__ = f"{qualname}.__init__"
    return __init__


def _check(qualname: str, every: tuple[Field, ...]) -> None:
    for index, made in enumerate(every):
        if not made.name.isidentifier():
            raise TypeError(f"{qualname}: field {made.name!r} is not an identifier")
        if made.required and index and not every[index - 1].required:
            raise TypeError(f"{qualname}: field {made.name!r} has no default but follows a field that has one")


def _init(qualname: str, every: tuple[Field, ...], frozen: bool):
    """``__init__`` compiled from the field names alone: no text of a document, a
    configuration or a rule pack ever reaches this source."""
    scope = {"_set": object.__setattr__ if frozen else setattr, "_MISSING": _MISSING}
    arguments, body = [], []
    for index, made in enumerate(every):
        argument = made.argument
        if made.factory is not None:
            scope[f"_factory{index}"] = made.factory
            arguments.append(f"{argument}=_MISSING")
            value = f"_factory{index}() if {argument} is _MISSING else {argument}"
        elif made.default is not _MISSING:
            scope[f"_default{index}"] = made.default
            arguments.append(f"{argument}=_default{index}")
            value = argument
        else:
            arguments.append(argument)
            value = argument
        body.append(f"    _set(self, {made.name!r}, {value})")
    source = f"def __init__(self, {', '.join(arguments)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(compile(source, f"<record {qualname}>", "exec"), scope)  # noqa: S102 - source built above from identifiers
    init = scope["__init__"]
    init.__qualname__ = f"{qualname}.__init__"
    return init


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
