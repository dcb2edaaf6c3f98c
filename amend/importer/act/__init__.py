"""An amending act's text -> the engine's operations (Kazakh and Russian), and back to text (drafting)."""
