"""The pages of the main window, one module each (the side bar shows them in order)."""
