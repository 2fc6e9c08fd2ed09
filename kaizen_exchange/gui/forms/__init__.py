"""Forms compiled from ui/*.ui by scripts/build_forms.sh — do not edit."""
