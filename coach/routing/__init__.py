"""Routing: choosing the specialist for each message (rules, examples, conversation, tie-break)."""

from coach.routing.decision import RoutingDecision
from coach.routing.router import Router

__all__ = ["Router", "RoutingDecision"]
