"""One small module per output format (networkx ``readwrite`` style)."""
