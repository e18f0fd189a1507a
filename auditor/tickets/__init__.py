"""Support tickets: import, redaction, topic mining, and FAQ coverage of the topics.

The entry points:

* :func:`analyze_tickets` (``auditor.tickets.mining``) — read an export and return the
  :class:`auditor.model.TicketsArtifact` to put in ``Artifacts.tickets`` (the ``faq-gaps`` check reads it);
* :func:`read_tickets` (``auditor.tickets.importers``) — the stream of cleaned, redacted tickets;
* :func:`extract_help_content` (``auditor.tickets.faq``) — the answers a crawled site gives;
* :func:`assess` (``auditor.tickets.coverage``) — topics matched to answers, and the gaps.
"""

from __future__ import annotations

from auditor.tickets.coverage import assess
from auditor.tickets.faq import extract_help_content
from auditor.tickets.importers import Ticket, TicketStream, read_tickets
from auditor.tickets.mining import analyze_tickets

__all__ = ["Ticket", "TicketStream", "analyze_tickets", "assess", "extract_help_content", "read_tickets"]
