"""Tests of the video-call planner (kaizen_exchange.schedule)."""
