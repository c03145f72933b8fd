"""Roles, ordered: each one can do what the ones below it can."""
from __future__ import annotations

from enum import IntEnum


class Role(IntEnum):
    ANONYMOUS = 0
    ADVISOR = 1
    ADMIN = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Role":
        """An account's role by name (`advisor`, `admin`); anonymous is not an account's role."""
        role = cls.__members__.get(value.strip().upper())
        if role is None or role is cls.ANONYMOUS:
            raise ValueError(f"unknown role {value!r}: expected advisor or admin")
        return role


# What an API token's scope grants: the scope alone decides, whatever its account's role.
SCOPES: dict[str, Role] = {"read": Role.ADVISOR, "admin": Role.ADMIN}
