"""Hooks of the contract runs: test/contract/schemathesis.ts loads this module (SCHEMATHESIS_HOOKS)."""

import schemathesis


def _vanishes(value):
    return value is None or value == [] or value == {}


@schemathesis.hook
def filter_query(context, query):
    """Drop cases whose query would not reach the server as generated.

    requests leaves out a query item whose value is None or empty, so a deepObject member generated
    that way (`filter[x]` = None next to valid operators) is never sent: the server would answer the
    valid rest, and schemathesis would judge that answer against the invalid case it generated.
    """
    for value in (query or {}).values():
        if _vanishes(value):
            return False
        if isinstance(value, dict) and any(_vanishes(member) for member in value.values()):
            return False
    return True
