"""The two-school network file the import tests start from (and mutate)."""

from __future__ import annotations

NETWORK = """[network]
name = "Kaizen Network"

[[schools]]
id = "greenfield"
name = "Greenfield Primary"
country = "GB"
subdivision = "ENG"
timezone = "Europe/London"
home = true
email = "office@greenfield.example"
blog = "https://greenfield.example/"
feeds = ["https://greenfield.example/feed/"]
calls = { start = "07:00", end = "09:00", weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"] }
terms = [ { name = "Autumn 2026", start = 2026-09-03, end = 2026-12-18 } ]

[[schools]]
id = "wattle"
name = "Wattle Public School"
country = "AU"
subdivision = "NSW"
timezone = "Australia/Sydney"
email = "office@wattle.example"
blog = "https://wattle.example/"
feeds = ["https://wattle.example/feed/"]
calls = { start = "16:00", end = "18:30" }
"""
